namespace Booking.Bench.Runtime;

/// <summary>A grain with a trivial method, to measure the runtime's own cost per call.</summary>
[Alias("Booking.Bench.IBenchGrain")]
public interface IBenchGrain : IGrainWithStringKey
{
    /// <summary>Returns its argument plus one.</summary>
    [Alias("Ping")]
    Task<int> PingAsync(int value);
}
