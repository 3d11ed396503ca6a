using System.Collections.Concurrent;
using System.Diagnostics;
using Booking.Bench.Targets;

namespace Booking.Bench.Measurement;

/// <summary>Per-request outcomes and latencies of one pass over a workload, indexed by <see cref="Scenarios.BookingAsk.Index"/>.</summary>
internal sealed class RunTrace(int count)
{
    private long _lastAnswer;

    public AskOutcome[] Outcomes { get; } = new AskOutcome[count];

    public double[] LatenciesMs { get; } = new double[count];

    public ConcurrentBag<string> Errors { get; } = [];

    /// <summary>From the first arrival to the last answer.</summary>
    public TimeSpan Elapsed { get; private set; }

    public void RecordAnswerAt(long timestamp)
    {
        long last;
        while (timestamp > (last = Interlocked.Read(ref _lastAnswer)) && Interlocked.CompareExchange(ref _lastAnswer, timestamp, last) != last)
        {
        }
    }

    public void Finish(long start) => Elapsed = Stopwatch.GetElapsedTime(start, Math.Max(start, Interlocked.Read(ref _lastAnswer)));
}
