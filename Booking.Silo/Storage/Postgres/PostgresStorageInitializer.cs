using Npgsql;
using NpgsqlTypes;

namespace Booking.Silo.Storage.Postgres;

/// <summary>
/// Applies the runtime's and the application's <see cref="IPostgresMigration"/>s that a database has not seen yet,
/// recording each in <c>schema_migrations</c>. All of it runs in one transaction under an advisory lock, so silos that
/// start together apply each migration exactly once and a failed migration leaves nothing half-done.
/// </summary>
internal sealed class PostgresStorageInitializer(
    PostgresStorageOptions options,
    IEnumerable<IPostgresMigration> applicationMigrations,
    TimeProvider timeProvider,
    ILogger<PostgresStorageInitializer> logger) : IStorageInitializer
{
    // Any constant serves, as long as every silo uses the same one and the application's own advisory locks do not.
    private const long MigrationLockKey = 0x426F_6F6B_696E_6701;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var plan = StorageMigrationPlan.Build(
            PostgresSchema.CoreMigrations,
            applicationMigrations.Select(m => new StorageMigration(m.Id, m.Name, m.Sql)));

        await using var dataSource = PostgresDataSources.Create(options);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationLockKey, NpgsqlDbType = NpgsqlDbType.Bigint });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
            connection,
            transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT id FROM schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var migration in plan.Where(m => !applied.Contains(m.Id)))
        {
            logger.LogInformation("Applying PostgreSQL migration {Id} '{Name}'.", migration.Id, migration.Name);
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var command = new NpgsqlCommand(
                "INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Id, NpgsqlDbType = NpgsqlDbType.Integer });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>
                {
                    TypedValue = timeProvider.GetUtcNow().ToUniversalTime(),
                    NpgsqlDbType = NpgsqlDbType.TimestampTz,
                });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
