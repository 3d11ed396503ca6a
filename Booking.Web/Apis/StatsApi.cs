using System.Security.Claims;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Web.Auth;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/stats</c>: a resource's figures over a range of dates, from one aggregate over the bookings table.</summary>
internal static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var stats = routes.MapGroup("/api/v1/stats")
            .WithTags("Stats")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        stats.MapGet("", GetResourceStatsAsync)
            .WithSummary("A resource's bookings, cancellations, no-shows, occupancy and revenue between two dates")
            .WithDescription("The resource's owner or an admin; anyone else 403 forbidden, an unknown resource 404 resource_not_found. "
                + "resourceId, from and to (local dates YYYY-MM-DD, both included, at most 366 days) are required; 400 validation_failed otherwise. "
                + "bookings counts every booking made (confirmed at some point), whatever became of it; confirmed, completed, cancellations and noShows split them by "
                + "status now; pendingHolds are holds not yet confirmed. occupancy.occupiedMinutes sums the minutes of confirmed and completed bookings; "
                + "occupancy.availableMinutes is the open time of the schedule as it is now (weekly windows and dated exceptions, local wall-clock minutes) times "
                + "the current capacity; occupancy.ratio is their quotient (null when nothing is open). revenue (null without a price) is "
                + "(confirmed + completed) × the resource's current price: bookings keep no price of their own, so a price change re-prices the past. "
                + "Example: {\"resourceId\":\"…\",\"from\":\"2027-03-01\",\"to\":\"2027-03-31\",\"bookings\":12,\"confirmed\":8,\"completed\":1,\"cancellations\":2,"
                + "\"noShows\":1,\"pendingHolds\":0,\"occupancy\":{\"occupiedMinutes\":540,\"availableMinutes\":13200,\"ratio\":0.0409},"
                + "\"revenue\":{\"amount\":270.0,\"currency\":\"EUR\",\"unitPrice\":30.0,\"billedBookings\":9}}")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<Ok<ResourceReport>, ProblemHttpResult>> GetResourceStatsAsync(
        string? resourceId,
        DateOnly? from,
        DateOnly? to,
        ClaimsPrincipal user,
        IGrainFactory grains,
        [FromServices] IBookingQuery query,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resourceId) || from is null || to is null)
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, "resourceId, from and to (YYYY-MM-DD) are required.");
        }

        var days = to.Value.DayNumber - from.Value.DayNumber + 1;
        if (days is < 1 or > ResourceReport.MaxDays)
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, $"from must not be after to, and the range covers at most {ResourceReport.MaxDays} days.");
        }

        var resource = await grains.GetGrain<IResourceGrain>(resourceId).GetAsync().WaitAsync(cancellationToken);
        if (resource is null)
        {
            return BookingProblems.Of(BookingErrorCodes.ResourceNotFound, $"No resource with id {resourceId}.");
        }

        if (!user.IsAdmin() && resource.OwnerId != user.GetUserId())
        {
            return BookingProblems.Of(BookingErrorCodes.Forbidden, "Only the resource's owner or an admin may see its stats.");
        }

        var stats = await query.GetResourceStatsAsync([resourceId], from.Value, to.Value, cancellationToken);
        return TypedResults.Ok(ResourceReport.For(resource, stats[0]));
    }
}
