using Booking.Grains.Interfaces.Live;

namespace Booking.Web.Live;

/// <summary>
/// This host's live subscriptions to grains. Each topic watched by at least one open page has one Orleans observer
/// subscribed to its source grain (a site-day, an inbox); events are fanned out here to every page watching it. The
/// subscription lives in the grain's memory, so it works the same from a host that co-hosts a silo and from one that is an
/// Orleans client of a cluster of silos. It is renewed every <see cref="LiveTopics.RenewInterval"/>; a source that had lost
/// it (its activation moved or was collected) says so, and the pages are told to read their state again.
/// </summary>
internal sealed class LiveFeed(IGrainFactory grains, TimeProvider time, ILogger<LiveFeed> logger) : BackgroundService
{
    private static readonly LiveEvent Resync = new() { Kind = LiveEventKinds.Resync };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LiveTopicState> _topics = new(StringComparer.Ordinal);

    /// <summary>Whether this host watches the topic now (some open page is subscribed to it).</summary>
    public bool IsWatching(LiveTopic topic)
    {
        lock (_gate)
        {
            return _topics.ContainsKey(topic.Key);
        }
    }

    /// <summary>
    /// A subscription to every topic; completes once each source grain has this host's observer, so no event published
    /// after it returns is missed. Dispose it to leave.
    /// </summary>
    public async Task<LiveSubscription> SubscribeAsync(IReadOnlyList<LiveTopic> topics, CancellationToken cancellationToken)
    {
        var subscription = new LiveSubscription(this);
        try
        {
            foreach (var topic in topics)
            {
                LiveTopicState? state;
                lock (_gate)
                {
                    if (!_topics.TryGetValue(topic.Key, out state))
                    {
                        state = new LiveTopicState(topic);
                        _topics.Add(topic.Key, state);
                        state.Attached = AttachAsync(state);
                    }

                    state.Subscribers = state.Subscribers.Add(subscription);
                    subscription.Topics.Add(state);
                }

                await state.Attached.WaitAsync(cancellationToken);
            }

            return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <summary>Removes the subscription from its topics; a topic nobody watches any more is unsubscribed from its grain.</summary>
    internal void Leave(LiveSubscription subscription)
    {
        List<LiveTopicState> unwatched = [];
        lock (_gate)
        {
            foreach (var state in subscription.Topics)
            {
                state.Subscribers = state.Subscribers.Remove(subscription);
                if (state.Subscribers.IsEmpty && _topics.TryGetValue(state.Topic.Key, out var current) && current == state)
                {
                    _topics.Remove(state.Topic.Key);
                    unwatched.Add(state);
                }
            }

            subscription.Topics.Clear();
        }

        foreach (var state in unwatched)
        {
            _ = DetachAsync(state);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LiveTopics.RenewInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                LiveTopicState[] states;
                lock (_gate)
                {
                    states = [.. _topics.Values];
                }

                await Task.WhenAll(states.Select(RenewAsync));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task AttachAsync(LiveTopicState state)
    {
        // Out of the caller's lock before touching Orleans.
        await Task.Yield();
        try
        {
            state.Reference = grains.CreateObjectReference<ILiveObserver>(state);
            await state.Topic.Source(grains).SubscribeAsync(state.Reference);
        }
        catch
        {
            lock (_gate)
            {
                if (_topics.TryGetValue(state.Topic.Key, out var current) && current == state)
                {
                    _topics.Remove(state.Topic.Key);
                }
            }

            if (state.Reference is not null)
            {
                grains.DeleteObjectReference<ILiveObserver>(state.Reference);
            }

            throw;
        }
    }

    private async Task DetachAsync(LiveTopicState state)
    {
        try
        {
            await state.Attached;
        }
        catch
        {
            return;
        }

        try
        {
            await state.Topic.Source(grains).UnsubscribeAsync(state.Reference!);
        }
        catch (Exception exception)
        {
            // Harmless: the source drops the subscription by itself once it is no longer renewed.
            logger.LogDebug(exception, "Could not unsubscribe from live topic {Topic}", state.Topic.Key);
        }
        finally
        {
            grains.DeleteObjectReference<ILiveObserver>(state.Reference!);
        }
    }

    private async Task RenewAsync(LiveTopicState state)
    {
        if (!state.Attached.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            if (await state.Topic.Source(grains).SubscribeAsync(state.Reference!))
            {
                state.Deliver(Resync);
            }
        }
        catch (Exception exception)
        {
            // Tried again at the next tick; if the source lost the subscription meanwhile, that renewal says so.
            logger.LogWarning(exception, "Could not renew live topic {Topic}", state.Topic.Key);
        }
    }
}
