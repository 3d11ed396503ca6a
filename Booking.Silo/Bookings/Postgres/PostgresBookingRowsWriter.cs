using Booking.Grains.Persistence;
using Booking.Grains.Projections;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Silo.Bookings.Postgres;

/// <summary>
/// Upserts the rows of a <see cref="BookingRowsChanged"/> into <c>bookings</c>, one statement per row, each guarded by the
/// state write so that a stale write changes no row. A row that breaks an exclusion constraint fails its own write only.
/// </summary>
internal sealed class PostgresBookingRowsWriter(JsonGrainStateSerializer serializer) : IPostgresProjectionWriter
{
    private const string Insert = """
        INSERT INTO bookings (
            id, resource_id, resource_kind, capacity, user_id, local_date, local_start, local_end, start_utc, end_utc,
            duration_minutes, period, status, subject, notes, details, created_at, updated_at, cancelled_at, cancelled_by,
            cancel_reason, checked_in_at, idempotency_key, hold_id, hold_expires_at, record)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26
        WHERE
        """;

    // A row keeps the capacity it was first written with (the resource fence compares rows booked under capacity 1).
    private const string Upsert = """

        ON CONFLICT (id) DO UPDATE SET
            resource_id = EXCLUDED.resource_id, resource_kind = EXCLUDED.resource_kind, user_id = EXCLUDED.user_id,
            local_date = EXCLUDED.local_date, local_start = EXCLUDED.local_start, local_end = EXCLUDED.local_end,
            start_utc = EXCLUDED.start_utc, end_utc = EXCLUDED.end_utc, duration_minutes = EXCLUDED.duration_minutes,
            period = EXCLUDED.period, status = EXCLUDED.status, subject = EXCLUDED.subject, notes = EXCLUDED.notes,
            details = EXCLUDED.details, updated_at = EXCLUDED.updated_at, cancelled_at = EXCLUDED.cancelled_at,
            cancelled_by = EXCLUDED.cancelled_by, cancel_reason = EXCLUDED.cancel_reason, checked_in_at = EXCLUDED.checked_in_at,
            idempotency_key = EXCLUDED.idempotency_key, hold_id = EXCLUDED.hold_id, hold_expires_at = EXCLUDED.hold_expires_at,
            record = EXCLUDED.record
        """;

    public Type ProjectionType => typeof(BookingRowsChanged);

    public void AddCommands(IStateProjection projection, PostgresProjectionContext context, IList<NpgsqlBatchCommand> commands)
    {
        var changed = (BookingRowsChanged)projection;
        foreach (var row in BookingRowValues.FreeingFirst(changed.Rows))
        {
            var command = new NpgsqlBatchCommand();
            var parameters = command.Parameters;
            parameters.Add(Text(row.Id));
            parameters.Add(Text(row.ResourceId));
            parameters.Add(Text(BookingRowValues.Kind(row.ResourceKind)));
            parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = changed.Capacity is { } capacity ? capacity : DBNull.Value });
            parameters.Add(Text(row.UserId));
            parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = row.Date, NpgsqlDbType = NpgsqlDbType.Date });
            parameters.Add(new NpgsqlParameter<TimeOnly> { TypedValue = row.Start, NpgsqlDbType = NpgsqlDbType.Time });
            parameters.Add(new NpgsqlParameter<TimeOnly> { TypedValue = row.End, NpgsqlDbType = NpgsqlDbType.Time });
            parameters.Add(Instant(row.StartUtc));
            parameters.Add(Instant(row.EndUtc));
            parameters.Add(new NpgsqlParameter<int> { TypedValue = BookingRowValues.DurationMinutes(row), NpgsqlDbType = NpgsqlDbType.Integer });
            parameters.Add(Text(row.Period));
            parameters.Add(Text(BookingRowValues.Status(row.Status)));
            parameters.Add(Text(row.Subject));
            parameters.Add(Text(row.Notes));
            parameters.Add(Json(serializer.Serialize(row.Details)));
            parameters.Add(Instant(row.CreatedAt));
            parameters.Add(Instant(row.UpdatedAt));
            parameters.Add(Instant(row.CancelledAt));
            parameters.Add(Text(row.CancelledBy));
            parameters.Add(Text(row.CancelReason));
            parameters.Add(Instant(row.CheckedInAt));
            parameters.Add(Text(row.IdempotencyKey));
            parameters.Add(Text(row.HoldId));
            parameters.Add(Instant(row.HoldExpiresAt));
            parameters.Add(Json(serializer.Serialize(row)));
            command.CommandText = Insert + " " + context.AddWriteGuard(command) + Upsert;
            commands.Add(command);
        }
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Json(string value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = value };

    // Npgsql writes only UTC DateTimeOffsets to timestamptz.
    private static NpgsqlParameter Instant(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } instant ? instant.ToUniversalTime() : DBNull.Value };
}
