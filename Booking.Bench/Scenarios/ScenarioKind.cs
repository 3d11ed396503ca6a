namespace Booking.Bench.Scenarios;

/// <summary>The workloads of the morning-rush benchmark.</summary>
internal enum ScenarioKind
{
    /// <summary>Employees book parking slots of one site for one date, picks skewed toward a few popular slots, all within about a second.</summary>
    Rush,

    /// <summary>Everyone wants the same ten slots: almost every request is refused.</summary>
    Hot,

    /// <summary>Students book 30–120 minute sessions of 50 mentors: time ranges, not named periods.</summary>
    Mentor,

    /// <summary>Every request goes to a resource-day of its own: raw booking throughput, no contention.</summary>
    Spread,
}
