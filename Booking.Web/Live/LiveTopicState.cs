using System.Collections.Immutable;
using Booking.Grains.Interfaces.Live;

namespace Booking.Web.Live;

/// <summary>
/// One topic this host watches: the single observer the source grain knows for the whole host, and the local
/// subscriptions (open pages) it fans each event out to.
/// </summary>
internal sealed class LiveTopicState(LiveTopic topic) : ILiveObserver
{
    public LiveTopic Topic => topic;

    /// <summary>The Orleans reference to this observer; set once attaching has started.</summary>
    public ILiveObserver? Reference { get; set; }

    /// <summary>Completes when the source grain has the subscription (faults when it could not be made).</summary>
    public Task Attached { get; set; } = Task.CompletedTask;

    /// <summary>Changed only under <see cref="LiveFeed"/>'s lock; read without it, as an immutable snapshot.</summary>
    public ImmutableArray<LiveSubscription> Subscribers { get; set; } = [];

    public Task OnLiveEventAsync(LiveEvent liveEvent)
    {
        Deliver(liveEvent);
        return Task.CompletedTask;
    }

    public void Deliver(LiveEvent liveEvent)
    {
        foreach (var subscription in Subscribers)
        {
            subscription.Write(liveEvent);
        }
    }
}
