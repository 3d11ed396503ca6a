using Booking.Grains.Messages;
using Booking.Silo.Bookings.Sqlite;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Messages.Sqlite;

/// <summary>
/// The message outbox on SQLite (one silo: the lease columns still keep the claim/complete protocol the same as on
/// PostgreSQL, and let a restarted host take over rows whose lease ran out). Writes wait for the storage writer's lock.
/// </summary>
internal sealed class SqliteMessageStore(SqliteStorageOptions options, JsonGrainStateSerializer serializer) : IMessageOutbox, IMessageStore
{
    private const string DeliveryColumns = "id, kind, user_id, booking_id, status, attempts, created_at, due_at, sent_at, last_error, event, content";

    private readonly string _connectionString = SqliteConnections.BuildConnectionString(options);

    public async Task RecordAsync(MessageEvent message, CancellationToken cancellationToken)
    {
        await using var connection = await WriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = InsertEvent(message, serializer);
        command.Connection = connection;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<MailPage> ListMailAsync(MailFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string where = " WHERE ($userId IS NULL OR user_id = $userId) AND ($status IS NULL OR status = $status)";
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = "SELECT count(*) FROM message_deliveries" + where;
        AddFilter(count, filter);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await using var rows = connection.CreateCommand();
        rows.Transaction = transaction;
        rows.CommandText = $"SELECT {DeliveryColumns} FROM message_deliveries{where} ORDER BY created_at DESC, id LIMIT $limit OFFSET $offset";
        AddFilter(rows, filter);
        rows.Parameters.Add("$limit", SqliteType.Integer).Value = pageSize;
        rows.Parameters.Add("$offset", SqliteType.Integer).Value = (long)(page - 1) * pageSize;
        var items = await ReadMailAsync(rows, cancellationToken).ConfigureAwait(false);
        return new MailPage { Items = items, Page = page, PageSize = pageSize, Total = total };
    }

    public async Task<MailDelivery?> GetMailAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DeliveryColumns} FROM message_deliveries WHERE id = $id";
        command.Parameters.Add("$id", SqliteType.Text).Value = id;
        return (await ReadMailAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task ForgetUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await WriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM message_deliveries WHERE user_id = $userId; DELETE FROM message_events WHERE user_id = $userId;";
        command.Parameters.Add("$userId", SqliteType.Text).Value = userId;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MessageEvent>> ClaimEventsAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var connection = await WriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE message_events SET lease_owner = $owner, lease_until = $until
            WHERE id IN (
                SELECT id FROM message_events
                WHERE dispatched_at IS NULL AND (lease_until IS NULL OR lease_until <= $now)
                ORDER BY occurred_at, id LIMIT $max)
            RETURNING payload
            """;
        command.Parameters.Add("$owner", SqliteType.Text).Value = owner;
        command.Parameters.Add("$now", SqliteType.Text).Value = SqliteBookingTables.Instant(now);
        command.Parameters.Add("$until", SqliteType.Text).Value = SqliteBookingTables.Instant(now + lease);
        command.Parameters.Add("$max", SqliteType.Integer).Value = max;
        List<MessageEvent> events = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(serializer.Deserialize<MessageEvent>(reader.GetString(0)));
        }

        return [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public async Task CompleteEventAsync(MessageEvent message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(deliveries);
        await using var connection = await WriteAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        foreach (var delivery in deliveries)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO message_deliveries (id, event_id, kind, user_id, booking_id, status, created_at, due_at, event)
                VALUES ($id, $eventId, $kind, $userId, $bookingId, 'pending', $createdAt, $dueAt, $event) ON CONFLICT (id) DO NOTHING
                """;
            insert.Parameters.Add("$id", SqliteType.Text).Value = delivery.Id;
            insert.Parameters.Add("$eventId", SqliteType.Text).Value = message.Id;
            insert.Parameters.Add("$kind", SqliteType.Text).Value = delivery.Kind;
            insert.Parameters.Add("$userId", SqliteType.Text).Value = delivery.UserId;
            insert.Parameters.Add("$bookingId", SqliteType.Text).Value = (object?)delivery.BookingId ?? DBNull.Value;
            insert.Parameters.Add("$createdAt", SqliteType.Text).Value = SqliteBookingTables.Instant(delivery.CreatedAt);
            insert.Parameters.Add("$dueAt", SqliteType.Text).Value = SqliteBookingTables.Instant(delivery.DueAt);
            insert.Parameters.Add("$event", SqliteType.Text).Value = serializer.Serialize(delivery.Event);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (message is { Kind: MessageEventKinds.BookingCancelled, Booking: { } cancelled })
        {
            await using var skip = connection.CreateCommand();
            skip.Transaction = transaction;
            skip.CommandText = $"""
                UPDATE message_deliveries SET status = 'skipped', last_error = 'the booking was cancelled', lease_owner = NULL, lease_until = NULL
                WHERE booking_id = $bookingId AND kind = '{MailKinds.BookingReminder}' AND status = 'pending'
                """;
            skip.Parameters.Add("$bookingId", SqliteType.Text).Value = cancelled.Id;
            await skip.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var done = connection.CreateCommand();
        done.Transaction = transaction;
        done.CommandText = "UPDATE message_events SET dispatched_at = $now, lease_owner = NULL, lease_until = NULL WHERE id = $id";
        done.Parameters.Add("$id", SqliteType.Text).Value = message.Id;
        done.Parameters.Add("$now", SqliteType.Text).Value = SqliteBookingTables.Instant(now);
        await done.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int max, bool unrenderedOnly, CancellationToken cancellationToken)
    {
        await using var connection = await WriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE message_deliveries SET lease_owner = $owner, lease_until = $until
            WHERE id IN (
                SELECT id FROM message_deliveries
                WHERE status = 'pending' AND due_at <= $now AND (lease_until IS NULL OR lease_until <= $now) AND ($unrendered = 0 OR content IS NULL)
                ORDER BY due_at, id LIMIT $max)
            RETURNING id, kind, user_id, booking_id, attempts, due_at, event, content
            """;
        command.Parameters.Add("$owner", SqliteType.Text).Value = owner;
        command.Parameters.Add("$now", SqliteType.Text).Value = SqliteBookingTables.Instant(now);
        command.Parameters.Add("$until", SqliteType.Text).Value = SqliteBookingTables.Instant(now + lease);
        command.Parameters.Add("$max", SqliteType.Integer).Value = max;
        command.Parameters.Add("$unrendered", SqliteType.Integer).Value = unrenderedOnly ? 1 : 0;
        List<ClaimedDelivery> claimed = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(new ClaimedDelivery
            {
                Id = reader.GetString(0),
                Kind = reader.GetString(1),
                UserId = reader.GetString(2),
                BookingId = reader.IsDBNull(3) ? null : reader.GetString(3),
                Attempts = reader.GetInt32(4),
                DueAt = ReadInstant(reader.GetString(5)),
                Event = serializer.Deserialize<MessageEvent>(reader.GetString(6)),
                Content = reader.IsDBNull(7) ? null : serializer.Deserialize<RenderedMail>(reader.GetString(7)),
            });
        }

        return [.. claimed.OrderBy(d => d.DueAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    public Task SaveContentAsync(string id, RenderedMail content, bool release, CancellationToken cancellationToken) => ExecuteAsync(
        release
            ? "UPDATE message_deliveries SET content = $content, lease_owner = NULL, lease_until = NULL WHERE id = $id"
            : "UPDATE message_deliveries SET content = $content WHERE id = $id",
        cancellationToken,
        ("$id", id),
        ("$content", serializer.Serialize(content)));

    public Task MarkSentAsync(string id, int attempts, DateTimeOffset now, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE message_deliveries SET status = 'sent', attempts = $attempts, sent_at = $now, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $id",
        cancellationToken,
        ("$id", id),
        ("$attempts", attempts),
        ("$now", SqliteBookingTables.Instant(now)));

    public Task MarkFailedAsync(string id, int attempts, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE message_deliveries
        SET status = CASE WHEN $retryAt IS NULL THEN 'dead' ELSE 'pending' END, attempts = $attempts, due_at = coalesce($retryAt, due_at),
            last_error = $error, lease_owner = NULL, lease_until = NULL
        WHERE id = $id
        """,
        cancellationToken,
        ("$id", id),
        ("$attempts", attempts),
        ("$retryAt", retryAt is { } at ? SqliteBookingTables.Instant(at) : null),
        ("$error", error));

    public Task MarkSkippedAsync(string id, string reason, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE message_deliveries SET status = 'skipped', last_error = $reason, lease_owner = NULL, lease_until = NULL WHERE id = $id",
        cancellationToken,
        ("$id", id),
        ("$reason", reason));

    internal static SqliteCommand InsertEvent(MessageEvent message, JsonGrainStateSerializer serializer)
    {
        var command = new SqliteCommand("""
            INSERT INTO message_events (id, kind, user_id, booking_id, occurred_at, payload)
            VALUES ($id, $kind, $userId, $bookingId, $occurredAt, $payload) ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add("$id", SqliteType.Text).Value = message.Id;
        command.Parameters.Add("$kind", SqliteType.Text).Value = message.Kind;
        command.Parameters.Add("$userId", SqliteType.Text).Value = message.UserId;
        command.Parameters.Add("$bookingId", SqliteType.Text).Value = (object?)message.Booking?.Id ?? DBNull.Value;
        command.Parameters.Add("$occurredAt", SqliteType.Text).Value = SqliteBookingTables.Instant(message.OccurredAt);
        command.Parameters.Add("$payload", SqliteType.Text).Value = serializer.Serialize(message);
        return command;
    }

    private Task<SqliteConnection> WriteAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenWriteAsync(_connectionString, options.BusyTimeout, cancellationToken);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await WriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<MailDelivery>> ReadMailAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        List<MailDelivery> mail = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            mail.Add(new MailDelivery
            {
                Id = reader.GetString(0),
                Kind = reader.GetString(1),
                UserId = reader.GetString(2),
                BookingId = reader.IsDBNull(3) ? null : reader.GetString(3),
                Status = reader.GetString(4),
                Attempts = reader.GetInt32(5),
                CreatedAt = ReadInstant(reader.GetString(6)),
                DueAt = ReadInstant(reader.GetString(7)),
                SentAt = reader.IsDBNull(8) ? null : ReadInstant(reader.GetString(8)),
                LastError = reader.IsDBNull(9) ? null : reader.GetString(9),
                Content = reader.IsDBNull(11) ? null : serializer.Deserialize<RenderedMail>(reader.GetString(11)),
            });
        }

        return mail;
    }

    private static void AddFilter(SqliteCommand command, MailFilter filter)
    {
        command.Parameters.Add("$userId", SqliteType.Text).Value = (object?)filter.UserId ?? DBNull.Value;
        command.Parameters.Add("$status", SqliteType.Text).Value = (object?)filter.Status ?? DBNull.Value;
    }

    private static DateTimeOffset ReadInstant(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
}
