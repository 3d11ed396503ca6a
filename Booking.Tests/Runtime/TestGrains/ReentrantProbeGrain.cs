using Booking.Runtime;

namespace Booking.Tests.Runtime.TestGrains;

[Reentrant]
public sealed class ReentrantProbeGrain : Grain, IReentrantProbeGrain
{
    private int _inside;
    private int _maxInside;

    public Task RendezvousAsync(string name, int count) => Rendezvous.ArriveAsync(name, count);

    public async Task<int> EnterAsync()
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        await Task.Delay(5);
        _inside--;
        return _maxInside;
    }
}
