using System.Security.Claims;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/sites</c>: parking sites, their slots' status for a date and period, and site bookings that get any free slot.</summary>
internal static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder routes)
    {
        var sites = routes.MapGroup("/api/v1/sites")
            .WithTags("Sites")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        sites.MapPost("", CreateAsync)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Create a parking site and its parking_slot resources")
            .WithDescription("Admins. {name, address, slotCount} or {name, address, slotNumbers:[...]}, optionally timeZone, periods (default morning, afternoon, day), weekly, bookingWindowDays, cancellationCutoffMinutes.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        sites.MapGet("", ListAsync)
            .WithSummary("List parking sites")
            .WithDescription("Every site with its name, address and number of places, oldest first.");

        sites.MapGet("/{id}", GetAsync)
            .WithSummary("One site with its slots and periods")
            .ProducesProblem(StatusCodes.Status404NotFound);

        sites.MapGet("/{id}/slots", GetSlotsAsync)
            .WithSummary("Each slot with its free or taken status for a date and period")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        sites.MapPost("/{id}/bookings", BookAsync)
            .WithSummary("Book any free slot of the site for a date and period")
            .WithDescription("201 with the booking and the slot assigned; 409 site_full when every slot is taken; 409 user_conflict when you already have a place then.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return routes;
    }

    public static async Task<Results<Created<SiteDefinition>, ProblemHttpResult>> CreateAsync(
        CreateSiteRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var outcome = await grains.GetGrain<ISiteGrain>(id).CreateAsync(request).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Created($"/api/v1/sites/{id}", outcome.Site)
            : BookingProblems.From(outcome.Error);
    }

    public static async Task<Ok<IReadOnlyList<SiteSummary>>> ListAsync(IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<ISiteDirectoryGrain>(ISiteDirectoryGrain.Key).ListAsync().WaitAsync(cancellationToken));

    public static async Task<Results<Ok<SiteDefinition>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        await grains.GetGrain<ISiteGrain>(id).GetAsync().WaitAsync(cancellationToken) is { } site ? TypedResults.Ok(site) : NotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<SlotStatusResponse>>, ProblemHttpResult>> GetSlotsAsync(
        string id,
        DateOnly? date,
        string? period,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        // Query parameters: checked here, because validation attributes on an absent nullable parameter are not applied.
        if (date is null || string.IsNullOrEmpty(period))
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, "date (YYYY-MM-DD) and period (e.g. morning) are required.");
        }

        if (await grains.GetGrain<ISiteGrain>(id).GetAsync().WaitAsync(cancellationToken) is not { } site)
        {
            return NotFound(id);
        }

        if (!site.Periods.ContainsKey(period))
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, $"The site has no period '{period}'; it has {string.Join(", ", site.Periods.Keys)}.");
        }

        var slots = await grains.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(id, date.Value)).GetSlotStatusAsync(period).WaitAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SlotStatusResponse>>([.. slots.Select(s => new SlotStatusResponse(s.ResourceId, s.Number, s.Free ? "free" : "taken"))]);
    }

    public static async Task<Results<Created<SiteBookingResponse>, ProblemHttpResult>> BookAsync(
        string id, SiteBookingRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISiteGrain>(id).GetAsync().WaitAsync(cancellationToken) is not { } site)
        {
            return NotFound(id);
        }

        var outcome = await grains.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(id, request.Date!.Value)).BookAnyAsync(user.GetUserId(), request.Period!).WaitAsync(cancellationToken);
        if (!outcome.IsSuccess)
        {
            return BookingProblems.From(outcome.Error);
        }

        var slot = site.Slots.FirstOrDefault(s => s.ResourceId == outcome.Booking.ResourceId) ?? new SiteSlot { ResourceId = outcome.Booking.ResourceId, Number = "" };
        return TypedResults.Created($"/api/v1/bookings/{outcome.Booking.Id}", new SiteBookingResponse(outcome.Booking, slot));
    }

    private static ProblemHttpResult NotFound(string id) => BookingProblems.Of(BookingErrorCodes.SiteNotFound, $"No site with id {id}.");
}
