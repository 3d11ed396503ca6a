namespace Booking.Bench.Measurement;

/// <summary>Percentiles of a set of latency samples, by the nearest-rank method on the sorted samples (no histogram buckets).</summary>
internal sealed record LatencyStats(double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencyStats From(IReadOnlyCollection<double> samplesMs)
    {
        if (samplesMs.Count == 0)
        {
            return new LatencyStats(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samplesMs.ToArray();
        Array.Sort(sorted);
        return new LatencyStats(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    /// <summary>The smallest sample with at least <paramref name="p"/> of the samples at or below it.</summary>
    public static double Rank(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
