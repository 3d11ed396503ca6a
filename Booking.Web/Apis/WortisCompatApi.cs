using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Web.Compat;
using Booking.Web.Contracts.Wortis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary>
/// The Wortis salon's routes (<c>seeds/wortis-salon-bookings.md</c>), unauthenticated as documented, with its
/// <c>success</c> envelope: a thin adapter over the resource-day grains. <c>service_name</c> names a <c>service</c>
/// resource; a person is their email address (see <see cref="WortisGuest"/>).
/// </summary>
internal static class WortisCompatApi
{
    public static IEndpointRouteBuilder MapWortisCompatApi(this IEndpointRouteBuilder routes)
    {
        var bookings = routes.MapGroup("/api/bookings")
            .WithTags("Compat: Wortis")
            .AllowAnonymous()
            .WithMetadata(SeedErrorEnvelope.Wortis);

        bookings.MapPost("/create-reservation", CreateReservationAsync)
            .WithSummary("Créer une réservation (Wortis)")
            .WithDescription("Books the 'service' resource named service_name for date and timeSlot (HH:MM-HH:MM), which must lie inside its availability and on its slot grid. "
                + "201 {success, message, booking_id, reservation}. Errors are problem details that also carry success:false and error: "
                + "400 for a missing or invalid field, a bad email, date or HH:MM-HH:MM, a date or time in the past, a slot outside the service's hours or an unknown service_name; "
                + "409 when the slot is taken (slot_unavailable, with nearby free alternatives) or when the same email already has a booking overlapping it (user_conflict). "
                + "service_id is kept with the booking but the resource is found by service_name.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        bookings.MapGet("/occupied-slots", GetOccupiedSlotsAsync)
            .WithSummary("Créneaux occupés d'un service pour une date (Wortis)")
            .WithDescription("The HH:MM-HH:MM slots of confirmed bookings that leave no capacity (a service with 3 chairs lists a slot only once all 3 are taken). "
                + "400 when date or service is missing or the date is not YYYY-MM-DD; 404 for an unknown service (the seed is silent: an empty list would offer slots that cannot be booked).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        bookings.MapPost("/cancel", CancelAsync)
            .WithSummary("Annuler une réservation (Wortis)")
            .WithDescription("Cancels booking_id when email is the one it was made with. 200 {success, message}; 400 when a field is missing or the booking is already cancelled "
                + "(or past the service's cancellation cut-off); 404 when no booking has that id and that email (a wrong email reads as unknown, so ids cannot be probed).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        bookings.MapGet("/user/{email}", GetUserBookingsAsync)
            .WithSummary("Réservations d'un utilisateur (Wortis)")
            .WithDescription("{success, bookings:[{_id, date, timeSlot, prestation, variant, email, notes, service_name, status, created_at, ...}], total}: every reservation made with that email "
                + "through these routes, cancelled ones included, newest first (the seed indexes created_at descending). Bookings made with an account through /api/v1 are not listed. "
                + "400 for an invalid email.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return routes;
    }

    public static async Task<Results<Created<WortisCreatedResponse>, ProblemHttpResult>> CreateReservationAsync(
        WortisReservationRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!WortisFormats.TryParseDate(request.Date, out var date))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "Format de date invalide : attendu YYYY-MM-DD.");
        }

        if (!WortisFormats.TryParseTimeSlot(request.TimeSlot, out var start, out var end))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "Format de créneau invalide : attendu HH:MM-HH:MM.");
        }

        if (await CompatLookups.ServiceNamedAsync(grains, request.ServiceName!, cancellationToken) is not { } service)
        {
            return CompatProblems.Of(BookingErrorCodes.ResourceNotFound, $"Service inconnu : '{request.ServiceName}'.", StatusCodes.Status400BadRequest);
        }

        var email = request.Email!.Trim();
        var details = new Dictionary<string, string>
        {
            [WortisDetailKeys.Prestation] = request.Prestation!,
            [WortisDetailKeys.Email] = email,
            [WortisDetailKeys.ServiceName] = service.Name,
        };
        AddIfPresent(details, WortisDetailKeys.Variant, request.Variant);
        AddIfPresent(details, WortisDetailKeys.ServiceId, request.ServiceId);

        var outcome = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(service.Id, date)).BookAsync(new BookRequest
        {
            UserId = WortisGuest.UserId(email),
            ResourceId = service.Id,
            Date = date,
            Start = start,
            End = end,
            Subject = request.Prestation,
            Notes = request.Notes,
            Details = details,
        }).WaitAsync(cancellationToken);
        if (!outcome.IsSuccess)
        {
            return CompatProblems.From(outcome.Error);
        }

        var reservation = WortisReservation.From(outcome.Booking);
        return TypedResults.Created(
            (string?)null,
            new WortisCreatedResponse(true, "Réservation créée avec succès", outcome.Booking.Id, reservation));
    }

    public static async Task<Results<Ok<WortisOccupiedSlotsResponse>, ProblemHttpResult>> GetOccupiedSlotsAsync(
        IGrainFactory grains, CancellationToken cancellationToken, [FromQuery] string? date = null, [FromQuery] string? service = null)
    {
        if (string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(service))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "Les paramètres 'date' et 'service' sont requis.");
        }

        if (!WortisFormats.TryParseDate(date, out var day))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "Format de date invalide : attendu YYYY-MM-DD.");
        }

        if (await CompatLookups.ServiceNamedAsync(grains, service, cancellationToken) is not { } resource)
        {
            return CompatProblems.Of(BookingErrorCodes.ResourceNotFound, $"Service inconnu : '{service}'.");
        }

        var occupancy = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(resource.Id, day)).GetOccupancyAsync().WaitAsync(cancellationToken);
        List<string> occupied =
        [
            .. occupancy.Bookings
                .Where(b => occupancy.Taken.Any(segment => segment.Remaining == 0 && Overlaps(b.Start, b.End, segment.Start, segment.End)))
                .OrderBy(b => b.Start)
                .Select(b => WortisFormats.TimeSlot(b.Start, b.End))
                .Distinct(StringComparer.Ordinal),
        ];
        return TypedResults.Ok(new WortisOccupiedSlotsResponse(true, date, service, occupied, occupied.Count));
    }

    public static async Task<Results<Ok<WortisMessageResponse>, ProblemHttpResult>> CancelAsync(
        WortisCancelRequest request, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var guest = WortisGuest.UserId(request.Email!);
        if (await CompatLookups.BookingAsync(query, grains, request.BookingId!, cancellationToken) is not { } booking || booking.UserId != guest)
        {
            return CompatProblems.Of(BookingErrorCodes.NotFound, "Réservation non trouvée.");
        }

        var outcome = await CompatLookups.Day(grains, booking)
            .CancelAsync(new CancelRequest { BookingId = booking.Id, ByUserId = guest })
            .WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Ok(new WortisMessageResponse(true, "Réservation annulée avec succès"))
            : CompatProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<WortisBookingsResponse>, ProblemHttpResult>> GetUserBookingsAsync(
        string email, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        if (!AccountEmail.IsValid(email))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "Format d'email invalide.");
        }

        var rows = new List<BookingRecord>();
        await foreach (var row in query.StreamBookingsAsync(new BookingFilter { UserId = WortisGuest.UserId(email) }, cancellationToken))
        {
            rows.Add(row);
        }

        List<WortisReservation> reservations = [.. rows.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal).Select(WortisReservation.From)];
        return TypedResults.Ok(new WortisBookingsResponse(true, reservations, reservations.Count));
    }

    private static void AddIfPresent(Dictionary<string, string> details, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            details[key] = value;
        }
    }

    // An end of 00:00 is midnight at the end of the date.
    private static bool Overlaps(TimeOnly start, TimeOnly end, TimeOnly otherStart, TimeOnly otherEnd) =>
        start.ToTimeSpan() < EndOf(otherEnd) && otherStart.ToTimeSpan() < EndOf(end);

    private static TimeSpan EndOf(TimeOnly end) => end == TimeOnly.MinValue ? TimeSpan.FromDays(1) : end.ToTimeSpan();
}
