using Booking.Bench.Scenarios;

namespace Booking.Bench;

/// <summary>What one invocation of a morning-rush scenario command asks for.</summary>
internal sealed record MorningRushSettings
{
    public required ScenarioKind Scenario { get; init; }

    public required ScenarioOptions Options { get; init; }

    /// <summary>Target names in run order (<c>inproc</c>, <c>http</c>, <c>sql-unique</c>, <c>sql-lock</c>, <c>sql-exclude</c>).</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    public required string? ConnectionString { get; init; }

    public required int Silos { get; init; }

    /// <summary>Connection pool of each SQL baseline.</summary>
    public required int PoolSize { get; init; }

    /// <summary>How to reach Booking.Web, for the <c>http</c> target.</summary>
    public Targets.Http.HttpTargetOptions? Http { get; init; }

    public string? JsonPath { get; init; }

    public string? ChartPath { get; init; }

    /// <summary>Print a stopwatch breakdown of the engine's time (state reads, writes, bookings queries, requests).</summary>
    public bool Profile { get; init; }

    /// <summary>Overrides the engine storage's concurrent group-commit transactions (<c>MaxConcurrentBatches</c>).</summary>
    public int? StorageWriters { get; init; }

    /// <summary>Overrides the engine storage's most writes per transaction (<c>MaxBatchSize</c>).</summary>
    public int? StorageBatchSize { get; init; }

    /// <summary>The workload's (first) date is this many days after today (UTC); its warm-up takes the day after its last date.</summary>
    public int DaysAhead { get; init; } = 1;

    /// <summary>The command line, for the report.</summary>
    public required string Command { get; init; }
}
