using Booking.Grains.Persistence;
using Booking.Grains.Projections;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Bookings.Sqlite;

/// <summary>
/// Upserts the rows of a <see cref="BookingRowsChanged"/> into <c>bookings</c>. The provider runs these commands only after
/// the state write's version check passed, in that write's savepoint, so no guard is needed here.
/// </summary>
internal sealed class SqliteBookingRowsWriter(JsonGrainStateSerializer serializer) : ISqliteProjectionWriter
{
    // A row keeps the capacity it was first written with, as in PostgreSQL.
    private const string UpsertSql = """
        INSERT INTO bookings (
            id, resource_id, resource_kind, capacity, user_id, local_date, local_start, local_end, start_utc, end_utc,
            duration_minutes, period, status, subject, notes, details, created_at, updated_at, cancelled_at, cancelled_by,
            cancel_reason, checked_in_at, idempotency_key, hold_id, hold_expires_at, record)
        VALUES (
            $id, $resourceId, $resourceKind, $capacity, $userId, $localDate, $localStart, $localEnd, $startUtc, $endUtc,
            $durationMinutes, $period, $status, $subject, $notes, $details, $createdAt, $updatedAt, $cancelledAt, $cancelledBy,
            $cancelReason, $checkedInAt, $idempotencyKey, $holdId, $holdExpiresAt, $record)
        ON CONFLICT (id) DO UPDATE SET
            resource_id = excluded.resource_id, resource_kind = excluded.resource_kind, user_id = excluded.user_id,
            local_date = excluded.local_date, local_start = excluded.local_start, local_end = excluded.local_end,
            start_utc = excluded.start_utc, end_utc = excluded.end_utc, duration_minutes = excluded.duration_minutes,
            period = excluded.period, status = excluded.status, subject = excluded.subject, notes = excluded.notes,
            details = excluded.details, updated_at = excluded.updated_at, cancelled_at = excluded.cancelled_at,
            cancelled_by = excluded.cancelled_by, cancel_reason = excluded.cancel_reason, checked_in_at = excluded.checked_in_at,
            idempotency_key = excluded.idempotency_key, hold_id = excluded.hold_id, hold_expires_at = excluded.hold_expires_at,
            record = excluded.record
        """;

    public Type ProjectionType => typeof(BookingRowsChanged);

    public void AddCommands(IStateProjection projection, SqliteProjectionContext context, IList<SqliteCommand> commands)
    {
        var changed = (BookingRowsChanged)projection;
        foreach (var row in BookingRowValues.FreeingFirst(changed.Rows))
        {
            var command = new SqliteCommand(UpsertSql);
            var parameters = command.Parameters;
            parameters.Add("$id", SqliteType.Text).Value = row.Id;
            parameters.Add("$resourceId", SqliteType.Text).Value = row.ResourceId;
            parameters.Add("$resourceKind", SqliteType.Text).Value = BookingRowValues.Kind(row.ResourceKind);
            parameters.Add("$capacity", SqliteType.Integer).Value = changed.Capacity is { } capacity ? capacity : DBNull.Value;
            parameters.Add("$userId", SqliteType.Text).Value = row.UserId;
            parameters.Add("$localDate", SqliteType.Text).Value = SqliteBookingTables.Date(row.Date);
            parameters.Add("$localStart", SqliteType.Text).Value = SqliteBookingTables.Time(row.Start);
            parameters.Add("$localEnd", SqliteType.Text).Value = SqliteBookingTables.Time(row.End);
            parameters.Add("$startUtc", SqliteType.Text).Value = SqliteBookingTables.Instant(row.StartUtc);
            parameters.Add("$endUtc", SqliteType.Text).Value = SqliteBookingTables.Instant(row.EndUtc);
            parameters.Add("$durationMinutes", SqliteType.Integer).Value = BookingRowValues.DurationMinutes(row);
            parameters.Add("$period", SqliteType.Text).Value = Nullable(row.Period);
            parameters.Add("$status", SqliteType.Text).Value = BookingRowValues.Status(row.Status);
            parameters.Add("$subject", SqliteType.Text).Value = Nullable(row.Subject);
            parameters.Add("$notes", SqliteType.Text).Value = Nullable(row.Notes);
            parameters.Add("$details", SqliteType.Text).Value = serializer.Serialize(row.Details);
            parameters.Add("$createdAt", SqliteType.Text).Value = SqliteBookingTables.Instant(row.CreatedAt);
            parameters.Add("$updatedAt", SqliteType.Text).Value = SqliteBookingTables.Instant(row.UpdatedAt);
            parameters.Add("$cancelledAt", SqliteType.Text).Value = Nullable(row.CancelledAt);
            parameters.Add("$cancelledBy", SqliteType.Text).Value = Nullable(row.CancelledBy);
            parameters.Add("$cancelReason", SqliteType.Text).Value = Nullable(row.CancelReason);
            parameters.Add("$checkedInAt", SqliteType.Text).Value = Nullable(row.CheckedInAt);
            parameters.Add("$idempotencyKey", SqliteType.Text).Value = Nullable(row.IdempotencyKey);
            parameters.Add("$holdId", SqliteType.Text).Value = Nullable(row.HoldId);
            parameters.Add("$holdExpiresAt", SqliteType.Text).Value = Nullable(row.HoldExpiresAt);
            parameters.Add("$record", SqliteType.Text).Value = serializer.Serialize(row);
            commands.Add(command);
        }
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static object Nullable(DateTimeOffset? value) => value is { } instant ? SqliteBookingTables.Instant(instant) : DBNull.Value;
}
