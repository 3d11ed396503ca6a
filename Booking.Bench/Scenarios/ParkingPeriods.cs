namespace Booking.Bench.Scenarios;

/// <summary>The FlexPark periods, the same for the engine's sites and the SQL baselines; <c>day</c> overlaps both others.</summary>
internal static class ParkingPeriods
{
    public const string Morning = "morning";
    public const string Afternoon = "afternoon";
    public const string Day = "day";

    public static readonly TimeOnly MorningStart = new(7, 0);
    public static readonly TimeOnly Noon = new(13, 0);
    public static readonly TimeOnly Evening = new(20, 0);

    /// <summary>The local times a period covers.</summary>
    public static (TimeOnly Start, TimeOnly End) Times(string period) => period switch
    {
        Morning => (MorningStart, Noon),
        Afternoon => (Noon, Evening),
        Day => (MorningStart, Evening),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown parking period."),
    };
}
