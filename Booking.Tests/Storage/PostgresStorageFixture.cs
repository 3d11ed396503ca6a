using Booking.Runtime.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Booking.Tests.Storage;

/// <summary>
/// A fresh PostgreSQL database (with the runtime's schema) for one test class, created from the admin connection string in
/// <c>BOOKING_TEST_POSTGRES</c> and dropped afterwards. Databases are named from a Guid, never from input.
/// </summary>
public sealed class PostgresStorageFixture : IAsyncLifetime
{
    public const string AdminConnectionStringVariable = "BOOKING_TEST_POSTGRES";

    private readonly List<string> _databases = [];
    private readonly string _adminConnectionString =
        Environment.GetEnvironmentVariable(AdminConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Set {AdminConnectionStringVariable} to an admin connection string of a PostgreSQL server to run the PostgreSQL storage tests.");

    /// <summary>Connection string of this class's database, migrated to the runtime's schema.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        await CreateInitializer(ConnectionString).InitializeAsync(CancellationToken.None);
    }

    /// <summary>Creates another empty database, dropped with the fixture.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"booking_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    internal static PostgresStorageInitializer CreateInitializer(string connectionString, params IPostgresMigration[] migrations) =>
        new(new PostgresStorageOptions { ConnectionString = connectionString }, migrations, TimeProvider.System, NullLogger<PostgresStorageInitializer>.Instance);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
