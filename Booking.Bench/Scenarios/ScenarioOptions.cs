namespace Booking.Bench.Scenarios;

/// <summary>The sizes of a workload; the defaults are the (2,000 employees, 500 slots, 10 hot slots, 50 mentors).</summary>
internal sealed record ScenarioOptions
{
    /// <summary>People who book (one request each in rush, hot and mentor).</summary>
    public int Employees { get; init; } = 2000;

    /// <summary>Parking slots of the site in rush.</summary>
    public int Slots { get; init; } = 500;

    /// <summary>The slots everyone wants in hot.</summary>
    public int HotSlots { get; init; } = 10;

    public int Mentors { get; init; } = 50;

    /// <summary>Requests in spread, each to a resource-day of its own.</summary>
    public int SpreadRequests { get; init; } = 50_000;

    /// <summary>Resources in spread; the requests cycle through them date after date.</summary>
    public int SpreadResources { get; init; } = 2_500;

    /// <summary>Requests in flight at most in spread (a closed loop).</summary>
    public int SpreadConcurrency { get; init; } = 1_000;

    /// <summary>Open-loop scenarios: every request arrives within this time after the start.</summary>
    public TimeSpan ArrivalWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Zipf exponent of the slot and mentor picks (0 = uniform).</summary>
    public double Skew { get; init; } = 1.0;

    public int Seed { get; init; } = 20261121;
}
