namespace Booking.Runtime.Reminders;

/// <summary>A reminder row as the reminder table stores it.</summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);
