using System.Diagnostics.Metrics;

namespace Booking.Silo.Diagnostics;

/// <summary>The runtime's instruments (System.Diagnostics.Metrics); the host decides how to export them.</summary>
public static class StorageMetrics
{
    /// <summary>The meter every runtime instrument belongs to.</summary>
    public const string MeterName = "Booking.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> ActivationsCreated =
        Meter.CreateCounter<long>("booking.grain.activations.created", "{activation}", "Grain activations created");

    private static readonly UpDownCounter<long> ActivationsLive =
        Meter.CreateUpDownCounter<long>("booking.grain.activations", "{activation}", "Grain activations alive now");

    private static readonly Histogram<double> StorageWriteDuration =
        Meter.CreateHistogram<double>("booking.storage.write.duration", "s", "Time from a grain's write request to its durable outcome");

    private static readonly Histogram<long> StorageBatchSize =
        Meter.CreateHistogram<long>("booking.storage.batch.size", "{write}", "Grain-state writes per storage transaction");

    internal static void ActivationStarted(string grainType)
    {
        var tag = new KeyValuePair<string, object?>("grain_type", ShortName(grainType));
        ActivationsCreated.Add(1, tag);
        ActivationsLive.Add(1, tag);
    }

    internal static void ActivationEnded(string grainType) =>
        ActivationsLive.Add(-1, new KeyValuePair<string, object?>("grain_type", ShortName(grainType)));

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

    private static string ShortName(string grainType)
    {
        var dot = grainType.LastIndexOf('.');
        return dot < 0 ? grainType : grainType[(dot + 1)..];
    }
}
