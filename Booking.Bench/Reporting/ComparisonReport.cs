using Booking.Bench.Measurement;
using Booking.Bench.Scenarios;

namespace Booking.Bench.Reporting;

/// <summary>Everything one benchmark run measured: the workload, the machine, and each target's figures.</summary>
internal sealed record ComparisonReport
{
    public required ScenarioKind Scenario { get; init; }

    public required string Description { get; init; }

    public required string Command { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required int Cores { get; init; }

    public required IReadOnlyList<TargetResult> Results { get; init; }

    /// <summary>The engine's result (inproc or http), if it ran.</summary>
    public TargetResult? Engine => Results.FirstOrDefault(r => !r.IsBaseline);

    /// <summary>The baseline with the highest settled throughput among those the audit found correct.</summary>
    public TargetResult? BestCorrectBaseline => Results.Where(r => r.IsBaseline && r.IsCorrect).MaxBy(r => r.SettledPerSecond);

    /// <summary>Engine settled bookings/s over the best correct baseline's, when both ran.</summary>
    public double? ThroughputRatio => Engine is { } engine && BestCorrectBaseline is { } best ? engine.SettledPerSecond / best.SettledPerSecond : null;
}
