using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Storage.Sqlite;

/// <summary>
/// Applies the runtime's and the application's <see cref="ISqliteMigration"/>s that a database file has not seen yet,
/// recording each in <c>schema_migrations</c>. All of it runs in one IMMEDIATE transaction, which holds SQLite's write
/// lock, so processes that start together apply each migration exactly once.
/// </summary>
internal sealed class SqliteStorageInitializer(
    SqliteStorageOptions options,
    IEnumerable<ISqliteMigration> applicationMigrations,
    TimeProvider timeProvider,
    ILogger<SqliteStorageInitializer> logger) : IStorageInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var plan = StorageMigrationPlan.Build(
            SqliteSchema.CoreMigrations,
            applicationMigrations.Select(m => new StorageMigration(m.Id, m.Name, m.Sql)));

        await using var connection = await SqliteConnections.OpenWriteAsync(
            SqliteConnections.BuildConnectionString(options), options.BusyTimeout, cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                "CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT id FROM schema_migrations";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var migration in plan.Where(m => !applied.Contains(m.Id)))
        {
            logger.LogInformation("Applying SQLite migration {Id} '{Name}'.", migration.Id, migration.Name);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO schema_migrations (id, name, applied_at) VALUES ($id, $name, $appliedAt)";
                command.Parameters.Add("$id", SqliteType.Integer).Value = migration.Id;
                command.Parameters.Add("$name", SqliteType.Text).Value = migration.Name;
                command.Parameters.Add("$appliedAt", SqliteType.Text).Value = timeProvider.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        transaction.Commit();
    }
}
