using System.Threading.Channels;
using Booking.Grains.Interfaces.Live;

namespace Booking.Web.Live;

/// <summary>
/// One open page's events, from every topic it watches, in a bounded queue: a page that stops reading loses the oldest
/// events and is told to read its state again, instead of holding the host's memory.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    private const int Capacity = 256;

    private readonly LiveFeed _feed;
    private readonly Channel<LiveEvent> _events;
    private int _missed;
    private int _disposed;

    public LiveSubscription(LiveFeed feed)
    {
        _feed = feed;
        _events = Channel.CreateBounded<LiveEvent>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Exchange(ref _missed, 1));
    }

    /// <summary>The topics joined so far; changed only under <see cref="LiveFeed"/>'s lock.</summary>
    internal List<LiveTopicState> Topics { get; } = [];

    public ChannelReader<LiveEvent> Reader => _events.Reader;

    /// <summary>True once after events were dropped because the reader fell behind.</summary>
    public bool TakeMissed() => Interlocked.Exchange(ref _missed, 0) == 1;

    internal void Write(LiveEvent liveEvent) => _events.Writer.TryWrite(liveEvent);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _events.Writer.TryComplete();
            _feed.Leave(this);
        }
    }
}
