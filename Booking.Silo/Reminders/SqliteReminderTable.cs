using System.Globalization;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Reminders;

/// <summary>Reminders in SQLite's <c>reminders</c> table; the ETag is the row's version.</summary>
internal sealed class SqliteReminderTable(SqliteStorageOptions options) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period_ms, version";

    private readonly string _connectionString = SqliteConnections.BuildConnectionString(options);

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM reminders";
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key";
        AddGrainParameters(command, grainId);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name";
        AddGrainParameters(command, grainId);
        command.Parameters.Add("$name", SqliteType.Text).Value = reminderName;
        var entries = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO reminders ({Columns}) VALUES ($type, $key, $name, $startAt, $periodMs, 1) " +
            "ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE " +
            "SET start_at = excluded.start_at, period_ms = excluded.period_ms, version = reminders.version + 1 " +
            "RETURNING version";
        AddGrainParameters(command, entry.GrainId);
        command.Parameters.Add("$name", SqliteType.Text).Value = entry.ReminderName;
        command.Parameters.Add("$startAt", SqliteType.Text).Value = entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        command.Parameters.Add("$periodMs", SqliteType.Integer).Value = (long)entry.Period.TotalMilliseconds;
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return StorageVersion.Format(version);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        if (!ReminderVersion.TryParse(eTag, out var version))
        {
            return false;
        }

        await using var connection = await OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "DELETE FROM reminders WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name AND version = $version";
        AddGrainParameters(command, grainId);
        command.Parameters.Add("$name", SqliteType.Text).Value = reminderName;
        command.Parameters.Add("$version", SqliteType.Integer).Value = version;
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private Task<SqliteConnection> OpenWriteAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenWriteAsync(_connectionString, options.BusyTimeout, cancellationToken);

    private static void AddGrainParameters(SqliteCommand command, GrainId grainId)
    {
        command.Parameters.Add("$type", SqliteType.Text).Value = grainId.Type;
        command.Parameters.Add("$key", SqliteType.Text).Value = grainId.Key;
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                StorageVersion.Format(reader.GetInt64(5))));
        }

        return entries;
    }
}
