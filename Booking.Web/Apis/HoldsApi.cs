using System.Security.Claims;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/holds</c>: keep a slot for a few minutes while the client fills in a form; a booking with <c>holdId</c> confirms it.</summary>
internal static class HoldsApi
{
    public static IEndpointRouteBuilder MapHoldsApi(this IEndpointRouteBuilder routes)
    {
        var holds = routes.MapGroup("/api/v1/holds")
            .WithTags("Holds")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        holds.MapPost("", HoldAsync)
            .WithSummary("Hold a slot for 5 minutes")
            .WithDescription("Same body and refusals as POST /api/v1/bookings. The answer is a pending booking with holdExpiresAt; POST /api/v1/bookings with holdId turns it into a booking, and an expired hold frees the slot.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        holds.MapDelete("/{id}", ReleaseAsync)
            .WithSummary("Release a hold at once")
            .WithDescription("404 hold_not_found for another user's or an unknown hold; 409 hold_expired when it has lapsed already.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return routes;
    }

    public static async Task<Results<Created<BookingRecord>, ProblemHttpResult>> HoldAsync(
        BookingRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var outcome = await BookingsApi.ResourceDay(grains, request).HoldAsync(BookingsApi.ToBookRequest(request, user.GetUserId(), idempotencyKey: null)).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Created($"/api/v1/bookings/{outcome.Booking.Id}", outcome.Booking)
            : BookingProblems.From(outcome.Error);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        if (await query.GetBookingAsync(id, cancellationToken) is not { } hold || hold.UserId != userId)
        {
            return BookingProblems.Of(BookingErrorCodes.HoldNotFound, $"You have no hold with id {id}.");
        }

        var outcome = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(hold.ResourceId, hold.Date)).ReleaseHoldAsync(id, userId).WaitAsync(cancellationToken);
        return outcome.IsSuccess ? TypedResults.NoContent() : BookingProblems.From(outcome.Error);
    }
}
