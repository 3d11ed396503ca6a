namespace Booking.Bench.Scenarios;

/// <summary>
/// A generated workload: the resources to create, the people who book, and the requests in arrival order. Every target
/// of one run gets the same workload, so their figures compare.
/// </summary>
internal sealed record Workload
{
    public required ScenarioKind Scenario { get; init; }

    public required ResourceShape Shape { get; init; }

    /// <summary>How many resources (slots or mentors) exist; requests refer to them by index.</summary>
    public required int Resources { get; init; }

    /// <summary>How many people exist; requests refer to them by index.</summary>
    public required int Users { get; init; }

    /// <summary>The requests, ordered by <see cref="BookingAsk.Arrival"/>.</summary>
    public required IReadOnlyList<BookingAsk> Asks { get; init; }

    /// <summary>
    /// Open loop (false): each request is sent at its arrival time whatever happened to the others, and its latency counts
    /// from that time, so a target that falls behind is charged for the queue. Closed loop (true): at most
    /// <see cref="Concurrency"/> requests are in flight and latency counts from sending.
    /// </summary>
    public required bool ClosedLoop { get; init; }

    /// <summary>Requests in flight at most in a closed loop.</summary>
    public int Concurrency { get; init; }

    /// <summary>A one-line description for the report.</summary>
    public required string Description { get; init; }

    public IEnumerable<DateOnly> Dates => Asks.Select(a => a.Date).Distinct().Order();
}
