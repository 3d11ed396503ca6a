namespace Booking.Bench.Targets;

/// <summary>
/// What the SQL audit after a run found: confirmed bookings stored, overlapping pairs of confirmed bookings on one
/// resource (double bookings), overlapping pairs of one person's confirmed bookings, and where it looked.
/// </summary>
internal sealed record AuditResult(long ConfirmedRows, long DoubleBookings, long UserDoubleBookings, string Source);
