using System.Security.Claims;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Messages;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary>
/// Private calendar feeds: <c>/calendar/{token}.ics</c> lists the token holder's upcoming bookings and
/// <c>/calendar/{token}/resources/{id}.ics</c> the bookings of a resource they own. Calendar clients cannot send a bearer
/// token, so the URL's token is the credential; its holder rotates or revokes it at <c>/api/v1/me/calendar-token</c>.
/// </summary>
internal static class CalendarFeedsApi
{
    private const int PastDays = 7;
    private const int FutureDays = 366;

    public static IEndpointRouteBuilder MapCalendarFeedsApi(this IEndpointRouteBuilder routes)
    {
        var token = routes.MapGroup("/api/v1/me/calendar-token")
            .WithTags("Me")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        token.MapPost("", RotateAsync)
            .WithSummary("Create or replace your private calendar-feed token")
            .WithDescription("Returns the token and the feed URL once (only a hash is kept); the previous token stops working at once. "
                + "Subscribe to the URL in a calendar client; resources you own have a feed each at /calendar/{token}/resources/{id}.ics.");

        token.MapDelete("", RevokeAsync)
            .WithSummary("Revoke your calendar-feed token")
            .WithDescription("Every feed URL with it answers 404 from now on.");

        var feeds = routes.MapGroup("/calendar")
            .WithTags("Calendar feeds")
            .AllowAnonymous();

        feeds.MapGet("/{token}.ics", UserFeedAsync)
            .WithSummary("Your upcoming bookings as an iCalendar feed")
            .WithDescription("text/calendar, METHOD:PUBLISH: confirmed and completed bookings from 7 days ago to a year ahead, one VEVENT per booking "
                + "(UID stable per booking, local times with the resource's TZID). 404 for an unknown or revoked token.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapGet("/{token}/resources/{id}.ics", ResourceFeedAsync)
            .WithSummary("The bookings of a resource you own as an iCalendar feed")
            .WithDescription("Like the personal feed, for every booker of the resource. 404 for an unknown or revoked token and for a resource the token's holder does not own.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Ok<CalendarToken>> RotateAsync(ClaimsPrincipal user, IGrainFactory grains, [FromServices] MailOptions mail, CancellationToken cancellationToken)
    {
        var token = await grains.GetGrain<IUserAccountGrain>(user.GetUserId()).RotateCalendarTokenAsync().WaitAsync(cancellationToken);
        return TypedResults.Ok(new CalendarToken(token, new Uri(BaseUrl(mail), $"calendar/{Uri.EscapeDataString(token)}.ics").ToString()));
    }

    public static async Task<NoContent> RevokeAsync(ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IUserAccountGrain>(user.GetUserId()).RevokeCalendarTokenAsync().WaitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> UserFeedAsync(
        string token, IGrainFactory grains, [FromServices] IBookingQuery query, [FromServices] MailOptions mail, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await HolderAsync(token, grains, cancellationToken) is not { } userId)
        {
            return NoFeed();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return await FeedAsync("Bookings", new BookingFilter { UserId = userId, Statuses = Listed, From = today.AddDays(-PastDays), To = today.AddDays(FutureDays) }, grains, query, mail, time, cancellationToken);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResourceFeedAsync(
        string token, string id, IGrainFactory grains, [FromServices] IBookingQuery query, [FromServices] MailOptions mail, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await HolderAsync(token, grains, cancellationToken) is not { } userId
            || await grains.GetGrain<IResourceGrain>(id).GetAsync().WaitAsync(cancellationToken) is not { } resource
            || resource.OwnerId != userId)
        {
            return NoFeed();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return await FeedAsync(resource.Name, new BookingFilter { ResourceIds = [id], Statuses = Listed, From = today.AddDays(-PastDays), To = today.AddDays(FutureDays) }, grains, query, mail, time, cancellationToken);
    }

    private static IReadOnlyList<BookingStatus> Listed => [BookingStatus.Confirmed, BookingStatus.Completed];

    private static async Task<string?> HolderAsync(string token, IGrainFactory grains, CancellationToken cancellationToken) =>
        AccountToken.TryGetUserId(token, out var userId)
            && await grains.GetGrain<IUserAccountGrain>(userId).CheckCalendarTokenAsync(token).WaitAsync(cancellationToken)
            ? userId
            : null;

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FeedAsync(
        string name, BookingFilter filter, IGrainFactory grains, IBookingQuery query, MailOptions mail, TimeProvider time, CancellationToken cancellationToken)
    {
        var resources = new Dictionary<string, ResourceDefinition?>(StringComparer.Ordinal);
        List<CalendarEntry> entries = [];
        await foreach (var booking in query.StreamBookingsAsync(filter, cancellationToken))
        {
            if (!resources.TryGetValue(booking.ResourceId, out var resource))
            {
                resource = await grains.GetGrain<IResourceGrain>(booking.ResourceId).GetAsync().WaitAsync(cancellationToken);
                resources[booking.ResourceId] = resource;
            }

            entries.Add(new CalendarEntry
            {
                Booking = booking,
                ResourceName = resource?.Name ?? booking.ResourceId,
                TimeZone = resource?.TimeZone ?? "UTC",
                Url = new Uri(BaseUrl(mail), $"api/v1/bookings/{Uri.EscapeDataString(booking.Id)}"),
            });
        }

        var calendar = BookingCalendar.Feed(name, entries, time.GetUtcNow());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8");
    }

    private static ProblemHttpResult NoFeed() => BookingProblems.Of(BookingErrorCodes.NotFound, "No calendar feed at this address: the token is unknown or was revoked.");

    private static Uri BaseUrl(MailOptions mail) => new(mail.PublicBaseUrl.TrimEnd('/') + "/");
}
