using System.Security.Claims;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Web.Auth;
using Booking.Web.Compat;
using Booking.Web.Contracts;
using Booking.Web.Contracts.GenericBackend;
using Booking.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary>
/// The generic reservation backend's routes (<c>seeds/generic-backend-architecture.md</c> and the routes
/// <c>seeds/reservation-platform-gaps.md</c> asks for): a thin adapter over the engine's accounts, resources and
/// bookings. A client is a member, a company (<c>entreprise</c>) a provider owning resources. Errors are the engine's
/// problem details with the seed's <c>error</c> field; the trailing slash of the Django-style routes is optional.
/// </summary>
internal static class GenericBackendCompatApi
{
    public static IEndpointRouteBuilder MapGenericBackendCompatApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api")
            .WithTags("Compat: Generic backend")
            .WithMetadata(SeedErrorEnvelope.GenericBackend);

        api.MapGet("/health", Health)
            .AllowAnonymous()
            .WithSummary("Health (generic backend)")
            .WithDescription("{status: \"ok\", message: \"API is running\"} while the process answers; /health/ready also checks the database.");

        var auth = api.MapGroup("/auth")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.AuthPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/register", RegisterAsync)
            .WithSummary("Register (generic backend)")
            .WithDescription("{email, password, first_name, last_name, role} → 201 {message: \"User created successfully\", user_id}. The seed's validators: a valid email, "
                + "a password of 8 characters or more, a first name (400 with error and errors otherwise). 400 email_taken when the address has an account, as the seed answers. "
                + "role is accepted but not applied: every new account is a client (member), and an admin makes a company a provider (PUT /api/v1/users/{id}/role), "
                + "since letting callers choose their role would let anyone register as an admin. A missing last_name is stored as '-'. "
                + "403 email_domain_not_allowed outside Booking:Auth:AllowedEmailDomains.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        auth.MapPost("/login", LoginAsync)
            .WithSummary("Sign in (generic backend)")
            .WithDescription("{email, password} → {token, user: {id, email, role}} where role is client, entreprise or admin and token the engine's access token "
                + "(send it as 'Authorization: Bearer'). 401 invalid_credentials, the same for an unknown email and a wrong password.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var client = api.MapGroup("/client")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        client.MapGet("/mon-profil/", GetProfileAsync)
            .WithSummary("The client's profile (generic backend)")
            .WithDescription("{id, email, first_name, last_name, phone, role}. The address the gaps document mentions is not kept by the engine's accounts.");

        client.MapPut("/mon-profil/", UpdateProfileAsync)
            .WithSummary("Update the client's profile (generic backend)")
            .WithDescription("{first_name, last_name, phone} replaces all three (an absent phone clears it) → 200 profile. 400 for a missing name or a malformed phone.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        client.MapDelete("/reservations/{id}/", CancelAsClientAsync)
            .WithSummary("Cancel one of the client's reservations (generic backend)")
            .WithDescription("200 {message, reservation}. Only the client's own reservations: anyone else's is 404, as an unknown id. "
                + "409 already_cancelled; 409 cancellation_closed after the resource's cut-off (the company may still cancel).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var company = api.MapGroup("/entreprise")
            .RequireAuthorization(AuthPolicies.Provider)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        company.MapDelete("/reservations/{id}/", CancelAsCompanyAsync)
            .WithSummary("Cancel a reservation of one of the company's resources (generic backend)")
            .WithDescription("200 {message, reservation}, at any time (the cut-off binds clients only). A reservation of another company's resource is 404, as an unknown id. "
                + "409 already_cancelled. Providers and admins only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        company.MapPut("/disponibilites/{id}/", SetAvailabilityAsync)
            .WithSummary("Replace a resource's availability (generic backend)")
            .WithDescription("{id} is the resource's id. Body as /api/v1/resources/{id}/schedule: {weekly:[{day:\"monday\", start:\"09:00\", end:\"17:00\"}], "
                + "exceptions:[{date, closed:true} or {date, windows:[{start, end}]}]} — recurring availability and closures. → 200 {message, id, disponibilites}. "
                + "400 for overlapping windows; 403 for another company's resource; 404 for an unknown one. Existing reservations stay.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static Ok<GenericHealth> Health() => TypedResults.Ok(new GenericHealth("ok", "API is running"));

    public static async Task<Created<GenericRegistered>> RegisterAsync(
        GenericRegisterRequest request, HttpRequest http, IGrainFactory grains, RegistrationOptions registration, CancellationToken cancellationToken)
    {
        var registered = await AuthApi.RegisterAsync(
            new RegisterRequest
            {
                Email = request.Email,
                Password = request.Password,
                FirstName = request.FirstName,
                LastName = string.IsNullOrWhiteSpace(request.LastName) ? "-" : request.LastName,
            },
            http,
            grains,
            registration,
            cancellationToken);
        return TypedResults.Created((string?)null, new GenericRegistered("User created successfully", registered.Value!.Id));
    }

    public static async Task<Ok<GenericLoggedIn>> LoginAsync(
        GenericLoginRequest request, IGrainFactory grains, AccessTokenIssuer tokens, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        // The same sign-in as /api/v1/auth/login; its refresh token names the account, whose profile gives the user's role.
        var issued = (await AuthApi.LoginAsync(new LoginRequest { Email = request.Email, Password = request.Password }, grains, tokens, throttle, cancellationToken)).Value!;
        if (!AccountToken.TryGetUserId(issued.RefreshToken, out var userId))
        {
            throw new InvalidOperationException("A signed-in session's refresh token does not name its account.");
        }

        var profile = await grains.GetGrain<IUserAccountGrain>(userId).GetProfileAsync().WaitAsync(cancellationToken);
        return TypedResults.Ok(new GenericLoggedIn(issued.AccessToken, new GenericUser(profile.Id, profile.Email, GenericUser.RoleName(profile.Role))));
    }

    public static async Task<Ok<GenericProfile>> GetProfileAsync(ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(GenericProfile.From((await MeApi.GetAsync(user, grains, cancellationToken)).Value!));

    public static async Task<Ok<GenericProfile>> UpdateProfileAsync(
        GenericProfileUpdate request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var updated = await MeApi.UpdateAsync(new UpdateProfileRequest { FirstName = request.FirstName, LastName = request.LastName, Phone = request.Phone }, user, grains, cancellationToken);
        return TypedResults.Ok(GenericProfile.From(updated.Value!));
    }

    public static async Task<Results<Ok<GenericCancelled>, ProblemHttpResult>> CancelAsClientAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var caller = user.GetUserId();
        if (await CompatLookups.BookingAsync(query, grains, id, cancellationToken) is not { } booking || booking.UserId != caller)
        {
            return ReservationNotFound(id);
        }

        return await CancelAsync(grains, booking, new CancelRequest { BookingId = booking.Id, ByUserId = caller, Reason = "cancelled by the client" }, cancellationToken);
    }

    public static async Task<Results<Ok<GenericCancelled>, ProblemHttpResult>> CancelAsCompanyAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var caller = user.GetUserId();
        if (await CompatLookups.BookingAsync(query, grains, id, cancellationToken) is not { } booking
            || (await grains.GetGrain<IResourceGrain>(booking.ResourceId).GetAsync().WaitAsync(cancellationToken))?.OwnerId != caller && !user.IsAdmin())
        {
            return ReservationNotFound(id);
        }

        return await CancelAsync(grains, booking, new CancelRequest { BookingId = booking.Id, ByUserId = caller, ByOwnerOrAdmin = true, Reason = "cancelled by the company" }, cancellationToken);
    }

    public static async Task<Results<Ok<GenericAvailabilities>, ProblemHttpResult>> SetAvailabilityAsync(
        string id, ResourceSchedule schedule, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var result = await ResourcesApi.SetScheduleAsync(id, schedule, user, grains, cancellationToken);
        return result.Result switch
        {
            Ok<ResourceDefinition> { Value: { } resource } => TypedResults.Ok(new GenericAvailabilities(
                "Disponibilités mises à jour", resource.Id, new ResourceSchedule { Weekly = resource.Weekly, Exceptions = resource.Exceptions })),
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected result of the schedule update."),
        };
    }

    private static async Task<Results<Ok<GenericCancelled>, ProblemHttpResult>> CancelAsync(
        IGrainFactory grains, BookingRecord booking, CancelRequest request, CancellationToken cancellationToken)
    {
        var outcome = await CompatLookups.Day(grains, booking).CancelAsync(request).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Ok(new GenericCancelled("Réservation annulée", GenericReservation.From(outcome.Booking)))
            : CompatProblems.From(outcome.Error);
    }

    private static ProblemHttpResult ReservationNotFound(string id) => CompatProblems.Of(BookingErrorCodes.NotFound, $"No reservation with id {id}.");
}
