namespace Booking.Grains.Interfaces.Live;

/// <summary>
/// A grain whose changes web pages watch live (a parking site-day, a user's notification inbox). Subscriptions live in
/// the activation's memory and lapse after <see cref="LiveTopics.SubscriptionLifetime"/> unless renewed, so a host that
/// dies leaves nothing behind, and works the same whether the host co-hosts a silo or is an Orleans client of a cluster.
/// </summary>
[Alias("booking.ILiveSource")]
public interface ILiveSource : IGrainWithStringKey
{
    /// <summary>
    /// Subscribes <paramref name="observer"/>, or renews its subscription. True when it was not subscribed (first call,
    /// lapsed, or lost with an earlier activation): the subscriber may have missed events and should read the state again.
    /// </summary>
    Task<bool> SubscribeAsync(ILiveObserver observer);

    /// <summary>Ends a subscription at once (idempotent).</summary>
    Task UnsubscribeAsync(ILiveObserver observer);
}
