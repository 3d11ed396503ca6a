namespace Booking.Bench;

/// <summary>A grain state about the size of a busy resource-day's (a dozen bookings).</summary>
internal sealed class BenchState
{
    public long Version { get; set; }

    public List<string> Bookings { get; set; } = [];

    public static BenchState Create(int seed) => new()
    {
        Bookings = [.. Enumerable.Range(0, 12).Select(i => $"booking-{seed:D6}-{i:D2} 09:{i * 4:D2}-09:{i * 4 + 4:D2} confirmed user-{seed + i:D6}")],
    };
}
