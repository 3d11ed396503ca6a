namespace Booking.Bench.Runtime;

/// <summary>The baseline for reference-call overhead: the same method called directly through an interface.</summary>
internal sealed class DirectPing : IBenchGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}
