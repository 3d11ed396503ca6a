using Npgsql;
using NpgsqlTypes;

namespace Booking.Tests.Bookings;

/// <summary>Reads and writes <c>bookings</c> rows of PostgreSQL with plain SQL, behind the grains' back.</summary>
internal static class PostgresBookingRows
{
    public static async Task<StoredBookingRow?> ReadAsync(NpgsqlDataSource dataSource, string id)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT status, user_id, resource_id, resource_kind, resource_group, capacity, local_date, local_start, local_end,
                start_utc, end_utc, duration_minutes, period, subject, cancelled_by, cancel_reason, cancelled_at, hold_id,
                hold_expires_at, idempotency_key, details::text
            FROM bookings WHERE id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new StoredBookingRow
        {
            Status = reader.GetString(0),
            UserId = reader.GetString(1),
            ResourceId = reader.GetString(2),
            ResourceKind = reader.GetString(3),
            ResourceGroup = reader.GetString(4),
            Capacity = reader.IsDBNull(5) ? null : reader.GetInt32(5),
            LocalDate = reader.GetFieldValue<DateOnly>(6),
            LocalStart = reader.GetFieldValue<TimeOnly>(7),
            LocalEnd = reader.GetFieldValue<TimeOnly>(8),
            StartUtc = reader.GetFieldValue<DateTimeOffset>(9),
            EndUtc = reader.GetFieldValue<DateTimeOffset>(10),
            DurationMinutes = reader.GetInt32(11),
            Period = reader.IsDBNull(12) ? null : reader.GetString(12),
            Subject = reader.IsDBNull(13) ? null : reader.GetString(13),
            CancelledBy = reader.IsDBNull(14) ? null : reader.GetString(14),
            CancelReason = reader.IsDBNull(15) ? null : reader.GetString(15),
            CancelledAt = reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
            HoldId = reader.IsDBNull(17) ? null : reader.GetString(17),
            HoldExpiresAt = reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18),
            IdempotencyKey = reader.IsDBNull(19) ? null : reader.GetString(19),
            DetailsJson = reader.GetString(20),
        };
    }

    /// <summary>
    /// Inserts a row as no grain would: for <paramref name="userId"/> on a resource no grain knows, from
    /// <paramref name="startUtc"/> for <paramref name="minutes"/>. Throws the database's error if a constraint refuses it.
    /// </summary>
    public static async Task InsertBehindTheGrainsAsync(
        NpgsqlDataSource dataSource, string userId, string resourceId, string kind, string status, DateTimeOffset startUtc, int minutes, int? capacity = null)
    {
        var id = Guid.NewGuid().ToString("N");
        await using var command = dataSource.CreateCommand("""
            INSERT INTO bookings (id, resource_id, resource_kind, capacity, user_id, local_date, local_start, local_end, start_utc, end_utc,
                duration_minutes, status, created_at, updated_at, record)
            VALUES ($1, $2, $3, $4, $5, ($6 AT TIME ZONE 'UTC')::date, ($6 AT TIME ZONE 'UTC')::time, ($7 AT TIME ZONE 'UTC')::time, $6, $7,
                $8, $9, $6, $6, jsonb_build_object('id', $1::text))
            """);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string> { TypedValue = id, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = resourceId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = kind, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = capacity is { } c ? c : DBNull.Value });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = userId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = startUtc.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = startUtc.ToUniversalTime().AddMinutes(minutes), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = minutes, NpgsqlDbType = NpgsqlDbType.Integer });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = status, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }
}
