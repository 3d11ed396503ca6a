using Booking.Runtime;

namespace Booking.Bench.Runtime;

internal sealed class BenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> PingAsync(int value)
    {
        _calls++;
        return Task.FromResult(value + 1);
    }
}
