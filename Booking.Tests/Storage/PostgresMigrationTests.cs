using Booking.Silo.Storage.Postgres;
using Npgsql;

namespace Booking.Tests.Storage;

public sealed class PostgresMigrationTests(PostgresStorageFixture database) : IClassFixture<PostgresStorageFixture>
{
    // Plain CREATE TABLE: running it a second time would fail, so a clean second run proves it was skipped.
    private static readonly PostgresMigration AppTable = new(1000, "app table", "CREATE TABLE app_table (id integer PRIMARY KEY)");

    [Fact]
    public async Task Migrating_concurrently_and_then_again_applies_each_migration_exactly_once()
    {
        var connectionString = await database.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => PostgresStorageFixture.CreateInitializer(connectionString, AppTable).InitializeAsync(CancellationToken.None))));
        await PostgresStorageFixture.CreateInitializer(connectionString, AppTable).InitializeAsync(CancellationToken.None);

        Assert.Equal(PostgresSchema.CoreMigrations.Select(m => m.Id).Append(1000), await AppliedIdsAsync(connectionString));
        Assert.True(await TableExistsAsync(connectionString, "grain_state"));
        Assert.True(await TableExistsAsync(connectionString, "reminders"));
        Assert.True(await TableExistsAsync(connectionString, "app_table"));
        Assert.True(await TableExistsAsync(connectionString, "orleansmembershiptable"));
        Assert.True(await TableExistsAsync(connectionString, "orleansreminderstable"));
        Assert.True(await TableExistsAsync(connectionString, "orleansstorage"));
    }

    [Fact]
    public async Task A_later_application_migration_is_applied_to_a_database_migrated_before()
    {
        var connectionString = await database.CreateDatabaseAsync();
        await PostgresStorageFixture.CreateInitializer(connectionString).InitializeAsync(CancellationToken.None);

        await PostgresStorageFixture.CreateInitializer(connectionString, AppTable).InitializeAsync(CancellationToken.None);

        Assert.Equal(PostgresSchema.CoreMigrations.Select(m => m.Id).Append(1000), await AppliedIdsAsync(connectionString));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_database_as_it_was()
    {
        var connectionString = await database.CreateDatabaseAsync();
        var broken = new PostgresMigration(1001, "broken", "CREATE TABLE app_table (id integer PRIMARY KEY)");

        await Assert.ThrowsAsync<PostgresException>(() =>
            PostgresStorageFixture.CreateInitializer(connectionString, AppTable, broken).InitializeAsync(CancellationToken.None));

        Assert.False(await TableExistsAsync(connectionString, "grain_state"));
        Assert.False(await TableExistsAsync(connectionString, "app_table"));
        Assert.False(await TableExistsAsync(connectionString, "schema_migrations"));
    }

    [Fact]
    public async Task An_application_migration_with_a_runtime_id_is_rejected()
    {
        var initializer = PostgresStorageFixture.CreateInitializer(database.ConnectionString, new PostgresMigration(3, "too low", "SELECT 1"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_application_migrations_with_one_id_are_rejected()
    {
        var initializer = PostgresStorageFixture.CreateInitializer(
            database.ConnectionString, AppTable, new PostgresMigration(1000, "same id", "SELECT 1"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync(CancellationToken.None));
    }

    private static async Task<int[]> AppliedIdsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT id FROM schema_migrations ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<int>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        return [.. ids];
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
