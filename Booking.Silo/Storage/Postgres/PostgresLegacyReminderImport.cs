using Npgsql;
using NpgsqlTypes;

namespace Booking.Silo.Storage.Postgres;

/// <summary>
/// Moves the reminders a pre-Orleans database kept in <c>reminders</c> (interface name + key) into Orleans'
/// <c>OrleansRemindersTable</c>, so the pending holds of an upgraded database still expire. Runs after the migrations;
/// idempotent (imported rows are deleted in the same transaction, and a row Orleans has already is kept).
/// </summary>
internal sealed class PostgresLegacyReminderImport(PostgresStorageOptions options, string serviceId) : IStorageInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = PostgresDataSources.Create(options);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var legacy = new List<(string Type, string Key, string Name, DateTime StartAt, long PeriodMs)>();
        await using (var select = new NpgsqlCommand(
            "SELECT grain_type, grain_key, reminder_name, start_at, period_ms FROM reminders FOR UPDATE", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                legacy.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTime>(3), reader.GetInt64(4)));
            }
        }

        if (legacy.Count == 0)
        {
            return;
        }

        foreach (var row in legacy)
        {
            if (!LegacyGrainTypes.ToGrainType.TryGetValue(row.Type, out var grainType))
            {
                continue;
            }

            var grainId = GrainId.Create(grainType, row.Key);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version) " +
                "VALUES ($1, $2, $3, $4, $5, $6, 0) ON CONFLICT DO NOTHING",
                connection,
                transaction);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString(), NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Name, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = row.StartAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.PeriodMs, NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = unchecked((int)grainId.GetUniformHashCode()), NpgsqlDbType = NpgsqlDbType.Integer });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM reminders", connection, transaction))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
