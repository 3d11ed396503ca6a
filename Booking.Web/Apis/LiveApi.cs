using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Live;
using Booking.Grains.Interfaces.Model;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Booking.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/live</c>: server-sent events fed by the grains, for pages that update without polling.</summary>
internal static class LiveApi
{
    /// <summary>How often an idle stream sends a <c>ping</c>, so that proxies keep it open and dead clients are noticed.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder routes)
    {
        var live = routes.MapGroup("/api/v1/live")
            .WithTags("Live")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        live.MapGet("", StreamAsync)
            .WithSummary("Server-sent events: your notifications and, with siteId and date, a parking site's slot changes")
            .WithDescription("text/event-stream, open until the access token expires (then reconnect with a fresh one) or the server stops. "
                + "Events: ready (subscribed: nothing published from now on is missed), notification ({notification, unread}: a new notification in "
                + "your inbox), unread ({notification: null, unread}), slots ({siteId, date, resourceId}: a slot of the site was booked, held or freed "
                + "on that date; read GET /api/v1/sites/{id}/slots again), resync (events may have been missed: read your state again), "
                + "ping (every 20 s when idle). 400 validation_failed for a siteId without a date; 404 site_not_found.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> StreamAsync(
        HttpContext http,
        ClaimsPrincipal user,
        IGrainFactory grains,
        LiveFeed feed,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken,
        string? siteId = null,
        DateOnly? date = null)
    {
        List<LiveTopic> topics = [LiveTopic.Inbox(user.GetUserId())];
        if (siteId is not null)
        {
            if (date is null)
            {
                return BookingProblems.Of(BookingErrorCodes.ValidationFailed, "date (YYYY-MM-DD) is required with siteId.");
            }

            if (await grains.GetGrain<ISiteGrain>(siteId).GetAsync().WaitAsync(cancellationToken) is null)
            {
                return BookingProblems.Of(BookingErrorCodes.SiteNotFound, $"No site with id {siteId}.");
            }

            topics.Add(LiveTopic.SiteDay(siteId, date.Value));
        }

        var subscription = await feed.SubscribeAsync(topics, cancellationToken);
        http.Response.RegisterForDispose(subscription);
        var events = EventsAsync(subscription, json.Value.SerializerOptions, user.GetTokenExpiry(), time, cancellationToken, lifetime.ApplicationStopping);
        return TypedResults.ServerSentEvents(events);
    }

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        LiveSubscription subscription,
        JsonSerializerOptions json,
        DateTimeOffset tokenExpiry,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken requestAborted,
        CancellationToken stopping)
    {
        // The stream lives no longer than the token that opened it: the page reconnects with a fresh one, so a signed-out
        // or demoted user does not keep receiving.
        var lifetime = tokenExpiry - time.GetUtcNow();
        using var expired = new CancellationTokenSource(lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero, time);
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping, expired.Token);

        yield return new SseItem<string>("{}", "ready");
        while (await NextAsync(subscription, json, time, ends.Token) is { } item)
        {
            yield return item;
        }
    }

    /// <summary>The next event to send, a ping after <see cref="Heartbeat"/> of silence, or null when the stream ends.</summary>
    private static async Task<SseItem<string>?> NextAsync(LiveSubscription subscription, JsonSerializerOptions json, TimeProvider time, CancellationToken ends)
    {
        using var silence = new CancellationTokenSource(Heartbeat, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ends, silence.Token);
        while (true)
        {
            if (subscription.TakeMissed())
            {
                return new SseItem<string>("{}", LiveEventKinds.Resync);
            }

            if (subscription.Reader.TryRead(out var liveEvent))
            {
                return ToItem(liveEvent, json);
            }

            try
            {
                if (!await subscription.Reader.WaitToReadAsync(wait.Token))
                {
                    return null;
                }
            }
            catch (OperationCanceledException) when (!ends.IsCancellationRequested)
            {
                return new SseItem<string>("{}", "ping");
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    private static SseItem<string> ToItem(LiveEvent liveEvent, JsonSerializerOptions json)
    {
        object data = liveEvent.Kind switch
        {
            LiveEventKinds.Slots => new LiveSlotChanged(liveEvent.SiteId ?? string.Empty, liveEvent.Date ?? default, liveEvent.ResourceId ?? string.Empty),
            LiveEventKinds.Notification or LiveEventKinds.Unread => new LiveInboxChanged(liveEvent.Notification, liveEvent.Unread ?? 0),
            _ => new { },
        };
        return new SseItem<string>(JsonSerializer.Serialize(data, data.GetType(), json), liveEvent.Kind);
    }
}
