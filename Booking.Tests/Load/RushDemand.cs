namespace Booking.Tests.Load;

/// <summary>
/// A morning rush: each employee asks once for one slot and one period, picks skewed toward the first slots (Zipf, as
/// people want the places near the door) and periods mixed 40/30/30 morning/afternoon/day. The same seed gives the same rush.
/// </summary>
internal sealed record RushDemand(IReadOnlyList<RushAsk> Asks)
{
    public static readonly string[] Periods = ["morning", "afternoon", "day"];

    public static RushDemand Create(int employees, int slots, int seed)
    {
        var random = new Random(seed);
        var cumulative = new double[slots];
        var total = 0.0;
        for (var k = 0; k < slots; k++)
        {
            total += 1.0 / (k + 1);
            cumulative[k] = total;
        }

        var asks = new RushAsk[employees];
        for (var i = 0; i < employees; i++)
        {
            var pick = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var slot = Math.Min(pick < 0 ? ~pick : pick, slots - 1);
            var roll = random.NextDouble();
            var period = roll < 0.4 ? "morning" : roll < 0.7 ? "afternoon" : "day";
            asks[i] = new RushAsk($"employee-{i}", slot, period);
        }

        return new RushDemand(asks);
    }

    /// <summary>Whether two periods of one slot overlap (<c>day</c> overlaps both others).</summary>
    public static bool Overlap(string a, string b) => a == b || a == "day" || b == "day";
}
