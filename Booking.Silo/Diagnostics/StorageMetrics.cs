using System.Diagnostics.Metrics;

namespace Booking.Silo.Diagnostics;

/// <summary>The grain storage providers' instruments; Orleans' own meter covers activations. The host decides how to export them.</summary>
public static class StorageMetrics
{
    /// <summary>The meter of the storage providers' instruments.</summary>
    public const string MeterName = "Booking.Storage";

    private static readonly Meter Meter = new(MeterName);

    // Bucket bounds as advice, since the exporter's default bounds (0 to 10000) suit milliseconds, not seconds or batch sizes.
    private static readonly Histogram<double> StorageWriteDuration = Meter.CreateHistogram(
        "booking.storage.write.duration",
        "s",
        "Time from a grain's write request to its durable outcome",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Histogram<long> StorageBatchSize = Meter.CreateHistogram(
        "booking.storage.batch.size",
        "{write}",
        "Grain-state writes per storage transaction",
        tags: null,
        new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });

    /// <summary>Awaits a queued storage write and records how long it took to its outcome (committed or failed).</summary>
    internal static async Task MeasureStorageWriteAsync(string provider, Task completion, TimeProvider timeProvider)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            await completion.ConfigureAwait(false);
        }
        catch
        {
            StorageWrite(provider, timeProvider.GetElapsedTime(started), committed: false);
            throw;
        }

        StorageWrite(provider, timeProvider.GetElapsedTime(started), committed: true);
    }

    private static void StorageWrite(string provider, TimeSpan duration, bool committed) =>
        StorageWriteDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("provider", provider),
            new KeyValuePair<string, object?>("outcome", committed ? "committed" : "failed"));

    internal static void StorageBatch(string provider, int size) =>
        StorageBatchSize.Record(size, new KeyValuePair<string, object?>("provider", provider));
}
