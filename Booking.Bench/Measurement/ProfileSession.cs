using Booking.Runtime.Storage.Postgres;

namespace Booking.Bench.Measurement;

/// <summary>
/// The <c>--profile</c> breakdown of one engine run: the stopwatch stages and the group-commit counters, both over the
/// measured pass only (<see cref="Mark"/> is called just before and just after it).
/// </summary>
internal sealed class ProfileSession(StageProfile profile, Func<PostgresWriteStatistics?> statistics)
{
    private (long Batches, long Writes, long Retries)? _start;

    public StageProfile Profile => profile;

    public IReadOnlyList<(string Stage, long Count, double MeanMs, double TotalSeconds)> Stages { get; private set; } = [];

    public long Batches { get; private set; }

    public long Writes { get; private set; }

    public long Retries { get; private set; }

    public double MeasuredSeconds { get; set; }

    public void Mark()
    {
        var stats = statistics();
        var now = (stats?.Batches ?? 0, stats?.Writes ?? 0, stats?.Retries ?? 0);
        if (_start is not { } start)
        {
            profile.Reset();
            _start = now;
            return;
        }

        Stages = profile.Snapshot();
        Batches = now.Item1 - start.Batches;
        Writes = now.Item2 - start.Writes;
        Retries = now.Item3 - start.Retries;
    }
}
