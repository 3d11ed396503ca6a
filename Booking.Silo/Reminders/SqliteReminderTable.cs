using System.Globalization;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Reminders;

/// <summary>
/// Orleans' <see cref="IReminderTable"/> in the embedded SQLite file (<c>orleans_reminders</c>), so reminders such as
/// hold expiry survive a restart of the single silo. The ETag is the row's version; rows carry
/// <see cref="GrainId.GetUniformHashCode"/> because Orleans asks for reminders by hash range.
/// </summary>
internal sealed class SqliteReminderTable(SqliteStorageOptions options) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, version";

    private readonly string _connectionString = SqliteConnections.BuildConnectionString(options);

    // The schema exists by now: storage initializers run before the silo's runtime starts, reminders much later.
    public Task StartAsync(CancellationToken cancellationToken = default) => ImportLegacyRemindersAsync(cancellationToken);

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM orleans_reminders WHERE grain_id = $grainId";
        command.Parameters.Add("$grainId", SqliteType.Text).Value = grainId.ToString();
        return new ReminderTableData(await ReadEntriesAsync(command).ConfigureAwait(false));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // Orleans' ring ranges are (begin, end]; begin >= end wraps around zero.
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = begin < end
            ? $"SELECT {Columns} FROM orleans_reminders WHERE grain_hash > $begin AND grain_hash <= $end"
            : $"SELECT {Columns} FROM orleans_reminders WHERE grain_hash > $begin OR grain_hash <= $end";
        command.Parameters.Add("$begin", SqliteType.Integer).Value = (long)begin;
        command.Parameters.Add("$end", SqliteType.Integer).Value = (long)end;
        return new ReminderTableData(await ReadEntriesAsync(command).ConfigureAwait(false));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM orleans_reminders WHERE grain_id = $grainId AND reminder_name = $name";
        command.Parameters.Add("$grainId", SqliteType.Text).Value = grainId.ToString();
        command.Parameters.Add("$name", SqliteType.Text).Value = reminderName;
        var entries = await ReadEntriesAsync(command).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenWriteAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        AddUpsert(command, entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period);
        var version = (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        return StorageVersion.Format(version);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        await using var connection = await OpenWriteAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders WHERE grain_id = $grainId AND reminder_name = $name AND version = $version";
        command.Parameters.Add("$grainId", SqliteType.Text).Value = grainId.ToString();
        command.Parameters.Add("$name", SqliteType.Text).Value = reminderName;
        command.Parameters.Add("$version", SqliteType.Integer).Value = version;
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await OpenWriteAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the reminders a pre-Orleans database kept in <c>reminders</c> (interface name + key) into this table, so the
    /// pending holds of an upgraded database still expire. Idempotent: imported rows are deleted in the same transaction.
    /// </summary>
    private async Task ImportLegacyRemindersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        var legacy = new List<(string Type, string Key, string Name, DateTime StartAt, TimeSpan Period)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT grain_type, grain_key, reminder_name, start_at, period_ms FROM reminders";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                legacy.Add((
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    DateTime.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                    TimeSpan.FromMilliseconds(reader.GetInt64(4))));
            }
        }

        foreach (var row in legacy)
        {
            if (LegacyGrainTypes.ToGrainType.TryGetValue(row.Type, out var grainType))
            {
                await using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                AddUpsert(upsert, GrainId.Create(grainType, row.Key), row.Name, row.StartAt, row.Period);
                await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (legacy.Count > 0)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM reminders";
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddUpsert(SqliteCommand command, GrainId grainId, string reminderName, DateTime startAt, TimeSpan period)
    {
        command.CommandText =
            $"INSERT INTO orleans_reminders ({Columns}, grain_hash) VALUES ($grainId, $name, $startAt, $periodMs, 1, $hash) " +
            "ON CONFLICT (grain_id, reminder_name) DO UPDATE " +
            "SET start_at = excluded.start_at, period_ms = excluded.period_ms, version = orleans_reminders.version + 1 " +
            "RETURNING version";
        command.Parameters.Add("$grainId", SqliteType.Text).Value = grainId.ToString();
        command.Parameters.Add("$name", SqliteType.Text).Value = reminderName;
        command.Parameters.Add("$startAt", SqliteType.Text).Value = startAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        command.Parameters.Add("$periodMs", SqliteType.Integer).Value = (long)period.TotalMilliseconds;
        command.Parameters.Add("$hash", SqliteType.Integer).Value = (long)grainId.GetUniformHashCode();
    }

    private Task<SqliteConnection> OpenWriteAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenWriteAsync(_connectionString, options.BusyTimeout, cancellationToken);

    private static async Task<List<ReminderEntry>> ReadEntriesAsync(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = StorageVersion.Format(reader.GetInt64(4)),
            });
        }

        return entries;
    }
}
