using Booking.Bench.Targets;

namespace Booking.Bench.Measurement;

/// <summary>The figures of one target on one workload.</summary>
internal sealed record TargetResult
{
    public required string Target { get; init; }

    public required bool IsBaseline { get; init; }

    public required int Requests { get; init; }

    /// <summary>Requests that got a definitive answer (confirmed or refused).</summary>
    public required int Settled { get; init; }

    public required int Confirmed { get; init; }

    /// <summary>Refused because the resource was taken.</summary>
    public required int Conflicts { get; init; }

    public required int UserConflicts { get; init; }

    /// <summary>Refused for any other reason.</summary>
    public required int Refused { get; init; }

    /// <summary>No answer (exception, timeout).</summary>
    public required int Failed { get; init; }

    /// <summary>From the first arrival to the last answer.</summary>
    public required double ElapsedSeconds { get; init; }

    public double SettledPerSecond => Settled / ElapsedSeconds;

    public double ConfirmedPerSecond => Confirmed / ElapsedSeconds;

    /// <summary>Latency of the settled requests (from arrival in an open loop, from sending in a closed loop).</summary>
    public required LatencyStats Latency { get; init; }

    public required double StatementsPerRequest { get; init; }

    public required double RoundTripsPerRequest { get; init; }

    /// <summary>Statements per refused request, measured in a separate pass that only sends requests known to be refused; null when not measured.</summary>
    public double? StatementsPerRejection { get; init; }

    public required AuditResult Audit { get; init; }

    /// <summary>Confirmed bookings made by the warm-up (on another date), which the audit also counts.</summary>
    public required int WarmupConfirmed { get; init; }

    /// <summary>The first few distinct failure messages.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>No double booking of a resource or a person, and the database holds exactly the bookings reported confirmed.</summary>
    public bool IsCorrect => Audit.DoubleBookings == 0 && Audit.UserDoubleBookings == 0 && Audit.ConfirmedRows == Confirmed + WarmupConfirmed;
}
