using Booking.Silo.Storage.Postgres;
using Booking.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Tests.Storage;

/// <summary>
/// A fresh <see cref="PostgresDatabase"/> with the runtime's schema for one test class, plus any further empty databases a
/// test asks for; all are dropped with the fixture.
/// </summary>
public sealed class PostgresStorageFixture : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly List<PostgresDatabase> _extra = [];

    /// <summary>Connection string of this class's database, migrated to the runtime's schema.</summary>
    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await CreateInitializer(ConnectionString).InitializeAsync(CancellationToken.None);
    }

    /// <summary>Creates another empty database (no schema), dropped with the fixture.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var database = await PostgresDatabase.CreateAsync();
        lock (_extra)
        {
            _extra.Add(database);
        }

        return database.ConnectionString;
    }

    internal static PostgresStorageInitializer CreateInitializer(string connectionString, params IPostgresMigration[] migrations) =>
        new(new PostgresStorageOptions { ConnectionString = connectionString }, migrations, TimeProvider.System, NullLogger<PostgresStorageInitializer>.Instance);

    public async Task DisposeAsync()
    {
        foreach (var database in _extra)
        {
            await database.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
