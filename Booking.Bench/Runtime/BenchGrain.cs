namespace Booking.Bench.Runtime;

[GrainType("bench")]
internal sealed class BenchGrain : Grain, IBenchGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}
