using System.Security.Claims;
using System.Security.Cryptography;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Web.Auth;
using Booking.Web.Compat;
using Booking.Web.Contracts;
using Booking.Web.Contracts.FlexPark;
using Booking.Web.Http;
using Booking.Web.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary>
/// FlexPark's routes (<c>seeds/flexpark-parking.md</c>): a thin adapter over the engine. A parking is a parking site, a
/// slot one of its <c>parking_slot</c> resources, a reservation a booking of a slot for a named period; sign-in uses the
/// same accounts and token issuer as <c>/api/v1/auth</c>. Errors are the engine's problem details, whose <c>detail</c> is
/// where a FastAPI client reads its message. <c>GET /health</c> is the engine's own liveness route.
/// </summary>
internal static class FlexParkCompatApi
{
    private const string DefaultPeriod = "day";

    public static IEndpointRouteBuilder MapFlexParkCompatApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth")
            .WithTags("Compat: FlexPark")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.AuthPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/login", LoginAsync)
            .WithSummary("Sign in (FlexPark)")
            .WithDescription("{email, password} → {access_token, token_type: \"bearer\"}: the same access token as /api/v1/auth/login, sent as 'Authorization: Bearer'. "
                + "401 invalid_credentials, the same for an unknown email and a wrong password.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapPost("/register", RegisterAsync)
            .WithSummary("Register an employee (FlexPark)")
            .WithDescription("{email, firstname, lastname, password?} → 201 {id, email, firstname, lastname, role: \"employee\", is_active, created_at}. "
                + "Only company addresses (Booking:Auth:AllowedEmailDomains; any address when it is empty) or pre-registered employees (Booking:FlexPark:Employees) may register: "
                + "403 email_domain_not_allowed otherwise. The seed sends no password: without one, the account gets a random password and a password-reset code in its mail outbox, "
                + "which the employee turns into a password with POST /api/v1/auth/password/reset/confirm. 409 email_taken for an address that has an account.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var parkings = routes.MapGroup("/parkings")
            .WithTags("Compat: FlexPark")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        parkings.MapGet("", ListParkingsAsync)
            .WithSummary("The parkings (FlexPark)")
            .WithDescription("[{id, site_name, address, total_slots, created_at}], oldest first: the engine's parking sites.");

        parkings.MapPost("", CreateParkingAsync)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Create a parking and its slots (admin, FlexPark)")
            .WithDescription("{site_name, address, total_slots} (slots numbered 1..n) or {..., slot_numbers:[...]}, optionally time_zone (IANA, default UTC) → 201 parking. "
                + "Periods are the engine's parking defaults: morning 07:00–13:00, afternoon 13:00–20:00, day 07:00–20:00. 403 for a non-admin.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        parkings.MapGet("/{id}/slots", ListSlotsAsync)
            .WithSummary("A parking's slots and their status (FlexPark)")
            .WithDescription("[{id, parking_id, slot_number, is_active, status, date, period}] where status is free or taken for date (YYYY-MM-DD, default today in the parking's time zone) "
                + "and period (morning, afternoon or day; default day, which is free only when both halves are). 404 for an unknown parking; 400 for an unknown period.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var reservations = routes.MapGroup("/reservations")
            .WithTags("Compat: FlexPark")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        reservations.MapGet("/me", ListMyReservationsAsync)
            .WithSummary("The caller's reservations (FlexPark)")
            .WithDescription("[{id, employee_id, slot_id, parking_id, date, period, status, created_at}] in date order, cancelled ones included; status is confirmed, cancelled or no-show.");

        reservations.MapPost("", ReserveAsync)
            .WithSummary("Reserve a slot for a date and period (FlexPark)")
            .WithDescription("{slot_id, date, period} → 201 {reservation_id, status: \"confirmed\"}. slot_id may be sent as a string or an integer. "
                + "Concurrent reservations of one slot and period are decided one at a time by the slot's resource-day grain: exactly one succeeds, the others get 409 slot_unavailable; "
                + "day overlaps morning and afternoon. 409 user_conflict when the employee already has a place in that period (one place per employee per period). "
                + "404 for an unknown slot; 409 resource_inactive for a slot taken out of service; 400 for an unknown period, a period that has ended or a date beyond the booking window.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reservations.MapDelete("/{id}", CancelAsync)
            .WithSummary("Cancel one of the caller's reservations (FlexPark)")
            .WithDescription("200 {reservation_id, status: \"cancelled\"}; the slot is free again. Only one's own reservations: anyone else's is 404, as an unknown id. "
                + "409 already_cancelled; 409 cancellation_closed after the parking's cut-off.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        routes.MapPost("/notifications/send", SendNotificationAsync)
            .WithTags("Compat: FlexPark")
            .RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Send a message to employees (admin, FlexPark)")
            .WithDescription("{message, title?, parking_id?} → 200 {status: \"sent\", recipients}: an in-app notification (read at GET /api/v1/notifications), "
                + "to everyone holding a reservation at that parking from today on (31 days) when parking_id is given, else to every account; the same broadcast as "
                + "/api/v1/notifications/broadcast. title defaults to 'FlexPark'. 404 for an unknown parking; 403 for a non-admin.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Ok<FlexParkToken>> LoginAsync(
        FlexParkLoginRequest request, IGrainFactory grains, AccessTokenIssuer tokens, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var issued = await AuthApi.LoginAsync(new LoginRequest { Email = request.Email, Password = request.Password }, grains, tokens, throttle, cancellationToken);
        return TypedResults.Ok(new FlexParkToken(issued.Value!.AccessToken, "bearer"));
    }

    public static async Task<Created<FlexParkEmployee>> RegisterAsync(
        FlexParkRegisterRequest request, HttpRequest http, IGrainFactory grains, RegistrationOptions registration, FlexParkOptions flexPark, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var registered = await AuthApi.RegisterAsync(
            new RegisterRequest { Email = email, Password = request.Password ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), FirstName = request.FirstName, LastName = request.LastName },
            http,
            grains,
            flexPark.IsPreRegistered(email) ? new RegistrationOptions() : registration,
            cancellationToken);
        var account = grains.GetGrain<IUserAccountGrain>(registered.Value!.Id);
        if (request.Password is null)
        {
            await account.RequestPasswordResetAsync().WaitAsync(cancellationToken);
        }

        var profile = await account.GetProfileAsync().WaitAsync(cancellationToken);
        return TypedResults.Created((string?)null, new FlexParkEmployee(
            profile.Id, profile.Email, profile.FirstName, profile.LastName, profile.Role == UserRole.Admin ? "admin" : "employee", IsActive: true, profile.CreatedAt));
    }

    public static async Task<Ok<List<FlexParkParking>>> ListParkingsAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var sites = await grains.GetGrain<ISiteDirectoryGrain>(ISiteDirectoryGrain.Key).ListAsync().WaitAsync(cancellationToken);
        return TypedResults.Ok(sites.Select(FlexParkParking.From).ToList());
    }

    public static async Task<Results<Created<FlexParkParking>, ProblemHttpResult>> CreateParkingAsync(
        FlexParkCreateParkingRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var outcome = await grains.GetGrain<ISiteGrain>(id).CreateAsync(new CreateSiteRequest
        {
            Name = request.SiteName!,
            Address = request.Address,
            SlotCount = request.TotalSlots,
            SlotNumbers = request.SlotNumbers,
            TimeZone = request.TimeZone ?? "UTC",
        }).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Created($"/parkings/{id}/slots", FlexParkParking.From(SiteSummary.Of(outcome.Site)))
            : CompatProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<List<FlexParkSlot>>, ProblemHttpResult>> ListSlotsAsync(
        string id, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken, [FromQuery] DateOnly? date = null, [FromQuery] string? period = null)
    {
        if (await grains.GetGrain<ISiteGrain>(id).GetAsync().WaitAsync(cancellationToken) is not { } site)
        {
            return CompatProblems.Of(BookingErrorCodes.SiteNotFound, $"No parking with id {id}.");
        }

        var name = site.Periods.Keys.FirstOrDefault(p => string.Equals(p, period ?? DefaultPeriod, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, $"Unknown period '{period}' (known periods: {string.Join(", ", site.Periods.Keys)}).");
        }

        var day = date ?? CompatLookups.TodayIn(site.TimeZone, time);
        var statuses = await grains.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(site.Id, day)).GetSlotStatusAsync(name).WaitAsync(cancellationToken);
        var resources = await Task.WhenAll(statuses.Select(s => grains.GetGrain<IResourceGrain>(s.ResourceId).GetAsync())).WaitAsync(cancellationToken);
        var dayText = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(statuses
            .Select((s, i) => new FlexParkSlot(s.ResourceId, site.Id, s.Number, resources[i]?.Active ?? false, s.Free ? "free" : "taken", dayText, name))
            .ToList());
    }

    public static async Task<Ok<List<FlexParkReservation>>> ListMyReservationsAsync(
        ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var bookings = new List<BookingRecord>();
        await foreach (var booking in query.StreamBookingsAsync(new BookingFilter { UserId = user.GetUserId() }, cancellationToken))
        {
            if (booking is { ResourceKind: ResourceKind.ParkingSlot } and not { Status: BookingStatus.Pending })
            {
                bookings.Add(booking);
            }
        }

        var slots = bookings.Select(b => b.ResourceId).Distinct(StringComparer.Ordinal).ToList();
        var definitions = await Task.WhenAll(slots.Select(s => grains.GetGrain<IResourceGrain>(s).GetAsync())).WaitAsync(cancellationToken);
        var parkingOf = slots.Zip(definitions, (slot, definition) => (slot, definition?.ParentId)).ToDictionary(p => p.slot, p => p.ParentId, StringComparer.Ordinal);
        return TypedResults.Ok(bookings.Select(b => FlexParkReservation.From(b, parkingOf[b.ResourceId])).ToList());
    }

    public static async Task<Results<Created<FlexParkReservationCreated>, ProblemHttpResult>> ReserveAsync(
        FlexParkReservationRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await CompatLookups.ResourceAsync(grains, request.SlotId!, ResourceKind.ParkingSlot, cancellationToken) is not { } slot)
        {
            return CompatProblems.Of(BookingErrorCodes.ResourceNotFound, $"No parking slot with id {request.SlotId}.");
        }

        var outcome = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(slot.Id, request.Date!.Value)).BookAsync(new BookRequest
        {
            UserId = user.GetUserId(),
            ResourceId = slot.Id,
            Date = request.Date.Value,
            Period = request.Period,
        }).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Created((string?)null, new FlexParkReservationCreated(outcome.Booking.Id, FlexParkReservation.StatusOf(outcome.Booking.Status)))
            : CompatProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<FlexParkNotificationSent>, ProblemHttpResult>> SendNotificationAsync(
        FlexParkNotificationRequest request, NotificationBroadcaster broadcaster, CancellationToken cancellationToken)
    {
        var title = string.IsNullOrWhiteSpace(request.Title) ? "FlexPark" : request.Title;
        return await broadcaster.BroadcastAsync(request.ParkingId, title, request.Message!, cancellationToken) is { } recipients
            ? TypedResults.Ok(new FlexParkNotificationSent("sent", recipients))
            : CompatProblems.Of(BookingErrorCodes.SiteNotFound, $"No parking with id {request.ParkingId}.");
    }

    public static async Task<Results<Ok<FlexParkReservationCreated>, ProblemHttpResult>> CancelAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var caller = user.GetUserId();
        if (await CompatLookups.BookingAsync(query, grains, id, cancellationToken) is not { ResourceKind: ResourceKind.ParkingSlot } booking || booking.UserId != caller)
        {
            return CompatProblems.Of(BookingErrorCodes.NotFound, $"No reservation with id {id}.");
        }

        var outcome = await CompatLookups.Day(grains, booking).CancelAsync(new CancelRequest { BookingId = booking.Id, ByUserId = caller }).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Ok(new FlexParkReservationCreated(outcome.Booking.Id, FlexParkReservation.StatusOf(outcome.Booking.Status)))
            : CompatProblems.From(outcome.Error);
    }
}
