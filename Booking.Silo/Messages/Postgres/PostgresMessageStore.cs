using Booking.Grains.Messages;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Silo.Messages.Postgres;

/// <summary>
/// The message outbox on PostgreSQL, on a data source of its own. Claims use <c>FOR UPDATE SKIP LOCKED</c> so hosts polling
/// at the same instant take different rows; the lease columns keep a row off other hosts while it is being worked on.
/// </summary>
internal sealed class PostgresMessageStore : IMessageOutbox, IMessageStore, IAsyncDisposable
{
    private const string DeliveryColumns = "id, kind, user_id, booking_id, status, attempts, created_at, due_at, sent_at, last_error, event, content";

    private readonly NpgsqlDataSource _dataSource;
    private readonly JsonGrainStateSerializer _serializer;

    public PostgresMessageStore(PostgresStorageOptions options, JsonGrainStateSerializer serializer)
    {
        _dataSource = PostgresDataSources.Create(options);
        _serializer = serializer;
    }

    public async Task RecordAsync(MessageEvent message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO message_events (id, kind, user_id, booking_id, occurred_at, payload) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING");
        AddEventParameters(command.Parameters, message, _serializer);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<MailPage> ListMailAsync(MailFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string where = " WHERE ($1::text IS NULL OR user_id = $1) AND ($2::text IS NULL OR status = $2)";
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        long total;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM message_deliveries" + where, connection, transaction))
        {
            count.Parameters.Add(Text(filter.UserId));
            count.Parameters.Add(Text(filter.Status));
            total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using var rows = new NpgsqlCommand(
            $"SELECT {DeliveryColumns} FROM message_deliveries{where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4", connection, transaction);
        rows.Parameters.Add(Text(filter.UserId));
        rows.Parameters.Add(Text(filter.Status));
        rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize, NpgsqlDbType = NpgsqlDbType.Integer });
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)(page - 1) * pageSize, NpgsqlDbType = NpgsqlDbType.Bigint });
        var items = await ReadMailAsync(rows, cancellationToken).ConfigureAwait(false);
        return new MailPage { Items = items, Page = page, PageSize = pageSize, Total = total };
    }

    public async Task<MailDelivery?> GetMailAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {DeliveryColumns} FROM message_deliveries WHERE id = $1");
        command.Parameters.Add(Text(id));
        return (await ReadMailAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task ForgetUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        foreach (var sql in new[] { "DELETE FROM message_deliveries WHERE user_id = $1", "DELETE FROM message_events WHERE user_id = $1" })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(Text(userId));
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MessageEvent>> ClaimEventsAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            UPDATE message_events SET lease_owner = $1, lease_until = $3
            WHERE id IN (
                SELECT id FROM message_events
                WHERE dispatched_at IS NULL AND (lease_until IS NULL OR lease_until <= $2)
                ORDER BY occurred_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
            RETURNING payload::text
            """);
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Instant(now));
        command.Parameters.Add(Instant(now + lease));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max, NpgsqlDbType = NpgsqlDbType.Integer });
        List<MessageEvent> events = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(_serializer.Deserialize<MessageEvent>(reader.GetString(0)));
        }

        return [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public async Task CompleteEventAsync(MessageEvent message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(deliveries);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var delivery in deliveries)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO message_deliveries (id, event_id, kind, user_id, booking_id, status, created_at, due_at, event)
                VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8) ON CONFLICT (id) DO NOTHING
                """);
            insert.Parameters.Add(Text(delivery.Id));
            insert.Parameters.Add(Text(message.Id));
            insert.Parameters.Add(Text(delivery.Kind));
            insert.Parameters.Add(Text(delivery.UserId));
            insert.Parameters.Add(Text(delivery.BookingId));
            insert.Parameters.Add(Instant(delivery.CreatedAt));
            insert.Parameters.Add(Instant(delivery.DueAt));
            insert.Parameters.Add(Json(_serializer.Serialize(delivery.Event)));
            batch.BatchCommands.Add(insert);
        }

        if (message is { Kind: MessageEventKinds.BookingCancelled, Booking: { } cancelled })
        {
            var skip = new NpgsqlBatchCommand($"""
                UPDATE message_deliveries SET status = 'skipped', last_error = 'the booking was cancelled', lease_owner = NULL, lease_until = NULL
                WHERE booking_id = $1 AND kind = '{MailKinds.BookingReminder}' AND status = 'pending'
                """);
            skip.Parameters.Add(Text(cancelled.Id));
            batch.BatchCommands.Add(skip);
        }

        var done = new NpgsqlBatchCommand("UPDATE message_events SET dispatched_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1");
        done.Parameters.Add(Text(message.Id));
        done.Parameters.Add(Instant(now));
        batch.BatchCommands.Add(done);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int max, bool unrenderedOnly, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            UPDATE message_deliveries SET lease_owner = $1, lease_until = $3
            WHERE id IN (
                SELECT id FROM message_deliveries
                WHERE status = 'pending' AND due_at <= $2 AND (lease_until IS NULL OR lease_until <= $2) AND (NOT $5 OR content IS NULL)
                ORDER BY due_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
            RETURNING id, kind, user_id, booking_id, attempts, due_at, event::text, content::text
            """);
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Instant(now));
        command.Parameters.Add(Instant(now + lease));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = unrenderedOnly, NpgsqlDbType = NpgsqlDbType.Boolean });
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
                DueAt = reader.GetFieldValue<DateTimeOffset>(5),
                Event = _serializer.Deserialize<MessageEvent>(reader.GetString(6)),
                Content = reader.IsDBNull(7) ? null : _serializer.Deserialize<RenderedMail>(reader.GetString(7)),
            });
        }

        return [.. claimed.OrderBy(d => d.DueAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    public Task SaveContentAsync(string id, RenderedMail content, bool release, CancellationToken cancellationToken) => ExecuteAsync(
        release
            ? "UPDATE message_deliveries SET content = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1"
            : "UPDATE message_deliveries SET content = $2 WHERE id = $1",
        cancellationToken,
        Text(id),
        Json(_serializer.Serialize(content)));

    public Task MarkSentAsync(string id, int attempts, DateTimeOffset now, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE message_deliveries SET status = 'sent', attempts = $2, sent_at = $3, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $1",
        cancellationToken,
        Text(id),
        new NpgsqlParameter<int> { TypedValue = attempts, NpgsqlDbType = NpgsqlDbType.Integer },
        Instant(now));

    public Task MarkFailedAsync(string id, int attempts, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE message_deliveries
        SET status = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE 'pending' END, attempts = $2, due_at = coalesce($3, due_at),
            last_error = $4, lease_owner = NULL, lease_until = NULL
        WHERE id = $1
        """,
        cancellationToken,
        Text(id),
        new NpgsqlParameter<int> { TypedValue = attempts, NpgsqlDbType = NpgsqlDbType.Integer },
        Instant(retryAt),
        Text(error));

    public Task MarkSkippedAsync(string id, string reason, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE message_deliveries SET status = 'skipped', last_error = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1",
        cancellationToken,
        Text(id),
        Text(reason));

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal static void AddEventParameters(NpgsqlParameterCollection parameters, MessageEvent message, JsonGrainStateSerializer serializer)
    {
        parameters.Add(Text(message.Id));
        parameters.Add(Text(message.Kind));
        parameters.Add(Text(message.UserId));
        parameters.Add(Text(message.Booking?.Id));
        parameters.Add(Instant(message.OccurredAt));
        parameters.Add(Json(serializer.Serialize(message)));
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<MailDelivery>> ReadMailAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                DueAt = reader.GetFieldValue<DateTimeOffset>(7),
                SentAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                LastError = reader.IsDBNull(9) ? null : reader.GetString(9),
                Content = reader.IsDBNull(11) ? null : _serializer.Deserialize<RenderedMail>(reader.GetString(11)),
            });
        }

        return mail;
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Json(string value) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = value };

    private static NpgsqlParameter Instant(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } instant ? instant.ToUniversalTime() : DBNull.Value };
}
