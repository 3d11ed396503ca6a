using System.Globalization;
using Booking.Silo.Hosting;
using Booking.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace Booking.Tests.Bookings;

public sealed class SqliteBookingsTableTests : BookingsTableConformanceTests
{
    private readonly SqliteTestDatabase _file = new();

    protected override BookingStorageOptions Storage => new() { Provider = StorageProvider.Sqlite, ConnectionString = _file.ConnectionString };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _file.DisposeAsync();
    }

    protected override async Task<StoredBookingRow?> ReadRowAsync(string bookingId)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT status, user_id, resource_id, resource_kind, resource_group, capacity, local_date, local_start, local_end,
                start_utc, end_utc, duration_minutes, period, subject, cancelled_by, cancel_reason, cancelled_at, hold_id,
                hold_expires_at, idempotency_key, details
            FROM bookings WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", bookingId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateTimeOffset? Instant(int i) => reader.IsDBNull(i) ? null : DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new StoredBookingRow
        {
            Status = reader.GetString(0),
            UserId = reader.GetString(1),
            ResourceId = reader.GetString(2),
            ResourceKind = reader.GetString(3),
            ResourceGroup = reader.GetString(4),
            Capacity = reader.IsDBNull(5) ? null : reader.GetInt32(5),
            LocalDate = DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            LocalStart = TimeOnly.ParseExact(reader.GetString(7), "HH:mm:ss", CultureInfo.InvariantCulture),
            LocalEnd = TimeOnly.ParseExact(reader.GetString(8), "HH:mm:ss", CultureInfo.InvariantCulture),
            StartUtc = Instant(9)!.Value,
            EndUtc = Instant(10)!.Value,
            DurationMinutes = reader.GetInt32(11),
            Period = Text(12),
            Subject = Text(13),
            CancelledBy = Text(14),
            CancelReason = Text(15),
            CancelledAt = Instant(16),
            HoldId = Text(17),
            HoldExpiresAt = Instant(18),
            IdempotencyKey = Text(19),
            DetailsJson = reader.GetString(20),
        };
    }
}
