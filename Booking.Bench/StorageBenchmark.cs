namespace Booking.Bench;

/// <summary>Placeholder until the storage providers land: replaced by the real measurement.</summary>
internal static class StorageBenchmark
{
    public static Task<StorageBenchResult> RunAsync(string connectionString, int writers, TimeSpan duration, CancellationToken ct) =>
        throw new NotSupportedException("The PostgreSQL storage benchmark arrives with the storage providers.");
}

internal sealed record StorageBenchResult(double SingleWritesPerSecond, double BatchedWritesPerSecond);
