namespace Booking.Grains.Domain;

/// <summary>An accepted request's time: local date, local start and end (minutes, end may be 1440), the instants, and the period when booked by name.</summary>
internal sealed record ResolvedInterval(DateOnly Date, int StartMinute, int EndMinute, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string? Period)
{
    public TimeOnly Start => LocalMinutes.ToTime(StartMinute);

    public TimeOnly End => LocalMinutes.ToTime(EndMinute);
}
