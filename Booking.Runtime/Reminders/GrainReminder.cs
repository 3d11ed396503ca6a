namespace Booking.Runtime.Reminders;

/// <summary>The handle returned for a registered reminder.</summary>
internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
