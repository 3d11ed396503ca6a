using Booking.Runtime;

namespace Booking.Bench.Runtime;

/// <summary>A grain with a trivial method, to measure the runtime's own cost per call.</summary>
public interface IBenchGrain : IGrainWithStringKey
{
    /// <summary>Returns its argument plus one.</summary>
    Task<int> PingAsync(int value);
}
