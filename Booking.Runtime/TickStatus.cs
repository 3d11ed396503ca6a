namespace Booking.Runtime;

/// <summary>When a reminder tick was due and when it fired.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
