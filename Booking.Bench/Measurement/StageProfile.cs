using System.Collections.Concurrent;
using System.Diagnostics;

namespace Booking.Bench.Measurement;

/// <summary>
/// A stopwatch breakdown: how many times each named stage ran and how long it took in total. Stages overlap (a state
/// write happens inside a request), so their times are compared with the request's, not summed.
/// </summary>
internal sealed class StageProfile
{
    private readonly ConcurrentDictionary<string, Stage> _stages = new(StringComparer.Ordinal);

    public void Record(string stage, long startTimestamp) =>
        _stages.GetOrAdd(stage, _ => new Stage()).Add(Stopwatch.GetTimestamp() - startTimestamp);

    public void Reset() => _stages.Clear();

    /// <summary>Each stage with its count and mean duration in ms, by total time, largest first.</summary>
    public IReadOnlyList<(string Stage, long Count, double MeanMs, double TotalSeconds)> Snapshot() =>
        [.. _stages
            .Select(s => (s.Key, s.Value.Count, s.Value.Count == 0 ? 0 : s.Value.Ticks * 1000.0 / Stopwatch.Frequency / s.Value.Count, s.Value.Ticks / (double)Stopwatch.Frequency))
            .OrderByDescending(s => s.Item4)];

    private sealed class Stage
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);

        public long Ticks => Interlocked.Read(ref _ticks);

        public void Add(long ticks)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, ticks);
        }
    }
}
