using Booking.Runtime.Storage;
using Booking.Runtime.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Runtime.Reminders;

/// <summary>Reminders in PostgreSQL's <c>reminders</c> table; the ETag is the row's version.</summary>
internal sealed class PostgresReminderTable(PostgresStorageOptions options) : IReminderTable, IAsyncDisposable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period_ms, version";

    private readonly NpgsqlDataSource _dataSource = PostgresDataSources.Create(options);

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM reminders");
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2");
        AddGrainParameters(command.Parameters, grainId);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        AddGrainParameters(command.Parameters, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName, NpgsqlDbType = NpgsqlDbType.Text });
        var entries = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO reminders ({Columns}) VALUES ($1, $2, $3, $4, $5, 1) " +
            "ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE " +
            "SET start_at = excluded.start_at, period_ms = excluded.period_ms, version = reminders.version + 1 " +
            "RETURNING version");
        AddGrainParameters(command.Parameters, entry.GrainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ReminderName, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)entry.Period.TotalMilliseconds, NpgsqlDbType = NpgsqlDbType.Bigint });
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return StorageVersion.Format(version);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        if (!ReminderVersion.TryParse(eTag, out var version))
        {
            return false;
        }

        await using var command = _dataSource.CreateCommand(
            "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3 AND version = $4");
        AddGrainParameters(command.Parameters, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void AddGrainParameters(NpgsqlParameterCollection parameters, GrainId grainId)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key, NpgsqlDbType = NpgsqlDbType.Text });
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                StorageVersion.Format(reader.GetInt64(5))));
        }

        return entries;
    }
}
