using System.Diagnostics.Metrics;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Diagnostics;

/// <summary>Booking outcomes as metrics: confirmed, and rejected by stable error code.</summary>
public static class BookingMetrics
{
    /// <summary>The meter of the booking domain.</summary>
    public const string MeterName = "Booking.Grains";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Bookings =
        Meter.CreateCounter<long>("booking.bookings", "{booking}", "Booking requests decided by resource-day grains, by outcome and code");

    internal static void Record(string operation, BookingOutcome outcome)
    {
        if (outcome.Replayed)
        {
            return;
        }

        Bookings.Add(
            1,
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("outcome", outcome.Error is null ? "confirmed" : "rejected"),
            new KeyValuePair<string, object?>("code", outcome.Error?.Code ?? "ok"));
    }
}
