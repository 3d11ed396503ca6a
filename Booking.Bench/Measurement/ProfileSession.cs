using Booking.Silo.Storage.Postgres;

namespace Booking.Bench.Measurement;

/// <summary>
/// The <c>--profile</c> breakdown of one engine run: the stopwatch stages and the group-commit counters, both over the
/// measured pass only (<see cref="Mark"/> is called just before and just after it).
/// </summary>
internal sealed class ProfileSession(StageProfile profile, Func<PostgresWriteStatistics?> statistics)
{
    private (long Batches, long Writes, long Retries)? _start;
    private TimeSpan _cpuStart;
    private TimeSpan _gcPauseStart;
    private int _gen2Start;

    public StageProfile Profile => profile;

    public IReadOnlyList<(string Stage, long Count, double MeanMs, double TotalSeconds)> Stages { get; private set; } = [];

    public long Batches { get; private set; }

    public long Writes { get; private set; }

    public long Retries { get; private set; }

    /// <summary>CPU time this process (engine and load generator together) used during the measured pass.</summary>
    public TimeSpan ProcessCpu { get; private set; }

    /// <summary>Time the garbage collector paused the process during the measured pass, and gen-2 collections.</summary>
    public TimeSpan GcPause { get; private set; }

    public int Gen2Collections { get; private set; }

    public void Mark()
    {
        var stats = statistics();
        var now = (stats?.Batches ?? 0, stats?.Writes ?? 0, stats?.Retries ?? 0);
        if (_start is not { } start)
        {
            profile.Reset();
            _start = now;
            _cpuStart = Environment.CpuUsage.TotalTime;
            _gcPauseStart = GC.GetTotalPauseDuration();
            _gen2Start = GC.CollectionCount(2);
            return;
        }

        Stages = profile.Snapshot();
        Batches = now.Item1 - start.Batches;
        Writes = now.Item2 - start.Writes;
        Retries = now.Item3 - start.Retries;
        ProcessCpu = Environment.CpuUsage.TotalTime - _cpuStart;
        GcPause = GC.GetTotalPauseDuration() - _gcPauseStart;
        Gen2Collections = GC.CollectionCount(2) - _gen2Start;
    }
}
