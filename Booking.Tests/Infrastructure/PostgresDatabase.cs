using Npgsql;

namespace Booking.Tests.Infrastructure;

/// <summary>
/// A brand-new, uniquely named PostgreSQL database on the server named by the
/// <c>BOOKING_TEST_POSTGRES</c> admin connection string, dropped again on disposal,
/// so tests never see each other's rows. Use it as an
/// <c>IClassFixture&lt;PostgresDatabase&gt;</c>, or call <see cref="CreateAsync"/>
/// for a database of a test's own.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime, IAsyncDisposable
{
    public const string AdminConnectionStringVariable = "BOOKING_TEST_POSTGRES";

    private string? _databaseName;
    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;
    private bool _disposed;

    /// <summary>The generated name of this database (<c>t_</c> and a GUID, never from input).</summary>
    public string DatabaseName => _databaseName ?? throw NotInitialized();

    /// <summary>A connection string for this database, with the admin credentials.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialized();

    /// <summary>The one data source for this database; disposed with it.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialized();

    /// <summary>The admin connection string from <c>BOOKING_TEST_POSTGRES</c>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string AdminConnectionString =>
        AdminConnectionStringFrom(Environment.GetEnvironmentVariable(AdminConnectionStringVariable));

    /// <summary>Creates and initializes a database that the caller disposes.</summary>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync().ConfigureAwait(false);
        return database;
    }

    internal static string AdminConnectionStringFrom(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                "No PostgreSQL for the tests: run the tests with `bash scripts/test.sh` (it starts a throwaway server), " +
                $"or set {AdminConnectionStringVariable} to an admin connection string, e.g. " +
                "\"Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres\".")
            : value;

    public async Task InitializeAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dataSource is not null)
        {
            return;
        }

        var admin = AdminConnectionString;
        // Lower-case hex only, so the name needs no quoting; quoted anyway.
        var name = "t_" + Guid.NewGuid().ToString("N");

        var connection = new NpgsqlConnection(admin);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            // template0 is never connected to, so concurrent creations cannot
            // fail with "source database is being accessed by other users".
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        _databaseName = name;
        _connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public async Task DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
        if (_databaseName is null || _connectionString is null)
        {
            return;
        }

        // Connections a test opened from ConnectionString sit in Npgsql's global
        // pool; they are about to be killed, so none must be handed out again.
        var pooled = new NpgsqlConnection(_connectionString);
        await using (pooled.ConfigureAwait(false))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            // FORCE ends sessions a test left open instead of failing the drop.
            var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);

    private static InvalidOperationException NotInitialized() =>
        new($"{nameof(PostgresDatabase)} is not initialized: await {nameof(InitializeAsync)}() or use {nameof(CreateAsync)}().");
}
