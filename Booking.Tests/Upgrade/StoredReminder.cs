namespace Booking.Tests.Upgrade;

/// <summary>A reminder row in Orleans' reminder table, as a test reads it back.</summary>
internal sealed record StoredReminder(DateTimeOffset StartAt, TimeSpan Period);
