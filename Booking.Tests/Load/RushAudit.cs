using Npgsql;

namespace Booking.Tests.Load;

/// <summary>What SQL finds in the <c>bookings</c> table after a rush.</summary>
internal sealed record RushAudit(
    IReadOnlyDictionary<string, (string ResourceId, string? Period)> Confirmed,
    long DoubleBookings,
    long PersonalDoubleBookings)
{
    public static async Task<RushAudit> ReadAsync(NpgsqlDataSource dataSource)
    {
        var confirmed = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        await using (var rows = dataSource.CreateCommand("SELECT id, resource_id, period FROM bookings WHERE status = 'confirmed'"))
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                confirmed[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        // Pairs of confirmed bookings whose times overlap on one slot, and on one person (same quota).
        await using var overlaps = dataSource.CreateCommand("""
            SELECT
                (SELECT count(*) FROM bookings a JOIN bookings b ON a.resource_id = b.resource_id AND a.id < b.id
                  AND a.start_utc < b.end_utc AND b.start_utc < a.end_utc
                  WHERE a.status = 'confirmed' AND b.status = 'confirmed'),
                (SELECT count(*) FROM bookings a JOIN bookings b ON a.user_id = b.user_id AND a.resource_group = b.resource_group
                  AND a.id < b.id AND a.start_utc < b.end_utc AND b.start_utc < a.end_utc
                  WHERE a.status = 'confirmed' AND b.status = 'confirmed')
            """);
        await using var counts = await overlaps.ExecuteReaderAsync();
        await counts.ReadAsync();
        return new RushAudit(confirmed, counts.GetInt64(0), counts.GetInt64(1));
    }
}
