using System.Security.Claims;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Interfaces.Notifications;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Booking.Web.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/notifications</c>: in-app notifications (booking created/cancelled, broadcasts).</summary>
internal static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var notifications = routes.MapGroup("/api/v1/notifications")
            .WithTags("Notifications")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        notifications.MapGet("", ListAsync)
            .WithSummary("Your notifications, newest first")
            .WithDescription("The booker and the resource's owner are told of each booking created or cancelled; admins can broadcast. An inbox keeps the 200 most recent. `unread=true` lists only unread ones; `unread` in the answer counts them.");

        notifications.MapPost("/{id}/read", MarkReadAsync)
            .WithSummary("Mark a notification read")
            .WithDescription("Idempotent. 404 when your inbox has no such notification.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        notifications.MapPost("/broadcast", BroadcastAsync)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Send a notification to everyone, or to a parking site's users")
            .WithDescription("With siteId: everyone holding an active booking on one of the site's places from today on (31 days). Without: every account.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken, int page = 1, int pageSize = 20, bool unread = false)
    {
        if (page < 1 || pageSize is < 1 or > 100)
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, "page must be ≥ 1 and pageSize between 1 and 100.");
        }

        var inbox = grains.GetGrain<INotificationInboxGrain>(user.GetUserId());
        return TypedResults.Ok(await inbox.ListAsync(page, pageSize, unread).WaitAsync(cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var found = await grains.GetGrain<INotificationInboxGrain>(user.GetUserId()).MarkReadAsync(id).WaitAsync(cancellationToken);
        return found
            ? TypedResults.NoContent()
            : BookingProblems.Of(BookingErrorCodes.NotFound, $"You have no notification with id {id}.");
    }

    public static async Task<Results<Accepted<BroadcastResult>, ProblemHttpResult>> BroadcastAsync(
        BroadcastRequest request, NotificationBroadcaster broadcaster, CancellationToken cancellationToken)
    {
        var recipients = await broadcaster.BroadcastAsync(request.SiteId, request.Title, request.Message, cancellationToken);
        return recipients is { } count
            ? TypedResults.Accepted((string?)null, new BroadcastResult(count))
            : BookingProblems.Of(BookingErrorCodes.NotFound, $"No parking site with id {request.SiteId}.");
    }
}
