using Orleans.Concurrency;

namespace Booking.Grains.Interfaces.Live;

/// <summary>
/// A web host's receiver of live events (an object reference the host creates, never a grain). One-way: a grain that
/// publishes never waits for a host, and an event to a host that has gone is simply lost.
/// </summary>
[Alias("booking.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    /// <summary>Receives one event; delivery is best effort (a subscriber that may have missed some is told by <see cref="ILiveSource.SubscribeAsync"/>).</summary>
    [OneWay]
    Task OnLiveEventAsync(LiveEvent liveEvent);
}
