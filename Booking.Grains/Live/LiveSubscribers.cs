using Booking.Grains.Interfaces.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Utilities;

namespace Booking.Grains.Live;

/// <summary>
/// The live subscribers of one grain activation, on Orleans' <see cref="ObserverManager{TObserver}"/>: held in memory
/// only, lapsing unless renewed. Publishing costs nothing when nobody watches, so grains publish every change.
/// </summary>
internal sealed class LiveSubscribers
{
    private readonly ObserverManager<ILiveObserver> _observers;

    public LiveSubscribers(TimeProvider time)
    {
        _observers = new ObserverManager<ILiveObserver>(LiveTopics.SubscriptionLifetime, NullLogger.Instance)
        {
            GetDateTime = () => time.GetUtcNow().UtcDateTime,
        };
    }

    public int Count => _observers.Count;

    /// <summary>Subscribes or renews; true when the observer was not subscribed until now.</summary>
    public bool Subscribe(ILiveObserver observer)
    {
        _observers.ClearExpired();
        var known = _observers.Observers.ContainsKey(observer);
        _observers.Subscribe(observer, observer);
        return !known;
    }

    public void Unsubscribe(ILiveObserver observer) => _observers.Unsubscribe(observer);

    /// <summary>Sends the event to every live subscriber without waiting for any (the observer's method is one-way).</summary>
    public void Publish(LiveEvent liveEvent)
    {
        if (_observers.Count == 0)
        {
            return;
        }

        _observers.Notify(observer => { _ = observer.OnLiveEventAsync(liveEvent); });
    }
}
