namespace Booking.Bench.Targets;

/// <summary>
/// The audit query every target shares: given a query of confirmed bookings (<c>id, resource_id, user_id, date,
/// start_time, end_time</c>), counts them, the pairs on one resource whose times overlap (double bookings; every
/// resource here has capacity 1), and the pairs of one person's bookings that overlap.
/// </summary>
internal static class DoubleBookingAudit
{
    public static string Sql(string confirmedBookings) => $"""
        WITH b AS ({confirmedBookings})
        SELECT
            (SELECT count(*) FROM b),
            (SELECT count(*) FROM b x JOIN b y
                ON x.resource_id = y.resource_id AND x.date = y.date AND x.id < y.id
               AND x.start_time < y.end_time AND y.start_time < x.end_time),
            (SELECT count(*) FROM b x JOIN b y
                ON x.user_id = y.user_id AND x.date = y.date AND x.id < y.id
               AND x.start_time < y.end_time AND y.start_time < x.end_time)
        """;
}
