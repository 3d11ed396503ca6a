using System.Diagnostics;
using Booking.Runtime;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Booking.Bench;

/// <summary>
/// Measures durable grain-state writes per second, with and without group commit. Each writer owns one grain and writes
/// it again as soon as its previous write completed (a closed loop, like grains that persist every request).
/// </summary>
internal static class StorageBenchmark
{
    private const string StateName = "bench";

    /// <summary>
    /// PostgreSQL: (a) group commit off, every write its own transaction with up to <paramref name="writers"/> transactions
    /// in flight at once (one connection each, fewer if the server's max_connections does not leave room for that many);
    /// (b) group commit with the provider's default options. <paramref name="connectionString"/> is an admin connection
    /// string: the benchmark creates a database of its own (named from a Guid), migrates it and drops it afterwards.
    /// </summary>
    public static async Task<StorageBenchResult> RunAsync(string connectionString, int writers, TimeSpan duration, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        var database = $"booking_bench_{Guid.NewGuid():N}";
        await ExecuteAdminAsync(connectionString, $"CREATE DATABASE \"{database}\" TEMPLATE template0", ct).ConfigureAwait(false);
        var benchConnection = new NpgsqlConnectionStringBuilder(connectionString) { Database = database };
        benchConnection.MaxPoolSize = Math.Max(benchConnection.MaxPoolSize, writers + 4);
        try
        {
            return await RunInDatabaseAsync(benchConnection.ConnectionString, writers, duration, ct).ConfigureAwait(false);
        }
        finally
        {
            await using (var pooled = new NpgsqlConnection(benchConnection.ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await ExecuteAdminAsync(connectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// SQLite (a file at <paramref name="databasePath"/>, created if missing): (a) every write its own transaction
    /// (batch cap 1, writes still serialised through the one writer connection) and (b) the batched writer with its defaults.
    /// </summary>
    public static async Task<StorageBenchResult> RunSqliteAsync(string databasePath, int writers, TimeSpan duration, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        var connectionString = $"Data Source={databasePath}";
        await new SqliteStorageInitializer(
                new SqliteStorageOptions { ConnectionString = connectionString },
                [],
                TimeProvider.System,
                NullLogger<SqliteStorageInitializer>.Instance)
            .InitializeAsync(ct)
            .ConfigureAwait(false);

        double single;
        await using (var storage = CreateSqlite(new SqliteStorageOptions { ConnectionString = connectionString, MaxBatchSize = 1 }))
        {
            (single, _) = await MeasureAsync(storage, writers, duration, ct).ConfigureAwait(false);
        }

        double batched;
        double averageBatch;
        await using (var storage = CreateSqlite(new SqliteStorageOptions { ConnectionString = connectionString }))
        {
            var batchesBefore = storage.Batches;
            (batched, var written) = await MeasureAsync(storage, writers, duration, ct).ConfigureAwait(false);
            averageBatch = (double)written / Math.Max(1, storage.Batches - batchesBefore);
        }

        return new StorageBenchResult(writers, duration, single, batched, averageBatch);
    }

    private static async Task<StorageBenchResult> RunInDatabaseAsync(string connectionString, int writers, TimeSpan duration, CancellationToken ct)
    {
        await new PostgresStorageInitializer(
                new PostgresStorageOptions { ConnectionString = connectionString },
                [],
                TimeProvider.System,
                NullLogger<PostgresStorageInitializer>.Instance)
            .InitializeAsync(ct)
            .ConfigureAwait(false);

        // One connection per transaction in flight: stay clear of the server's limit (a stock server allows 100).
        int maxConnections;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var command = dataSource.CreateCommand("SELECT current_setting('max_connections')::int"))
        {
            maxConnections = (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        double single;
        var singleOptions = new PostgresStorageOptions
        {
            ConnectionString = connectionString,
            MaxBatchSize = 1,
            MaxConcurrentBatches = Math.Clamp(maxConnections - 20, 1, writers),
        };
        await using (var storage = CreatePostgres(singleOptions))
        {
            (single, _) = await MeasureAsync(storage, writers, duration, ct).ConfigureAwait(false);
        }

        double batched;
        double averageBatch;
        await using (var storage = CreatePostgres(new PostgresStorageOptions { ConnectionString = connectionString }))
        {
            var batchesBefore = storage.Statistics.Batches;
            (batched, var written) = await MeasureAsync(storage, writers, duration, ct).ConfigureAwait(false);
            averageBatch = (double)written / Math.Max(1, storage.Statistics.Batches - batchesBefore);
        }

        return new StorageBenchResult(writers, duration, single, batched, averageBatch);
    }

    private static async Task ExecuteAdminAsync(string adminConnectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static PostgresGrainStorage CreatePostgres(PostgresStorageOptions options) =>
        new(options, new JsonGrainStateSerializer(), [], TimeProvider.System, NullLogger<PostgresGrainStorage>.Instance);

    private static SqliteGrainStorage CreateSqlite(SqliteStorageOptions options) =>
        new(options, new JsonGrainStateSerializer(), [], TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);

    /// <summary>Writes per second over the measured period, and how many writes that was.</summary>
    private static async Task<(double PerSecond, long Writes)> MeasureAsync(IGrainStorage storage, int writers, TimeSpan duration, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, writers)
            .Select(i => (Id: new GrainId("Booking.Bench.IBenchGrain", $"{run}/{i}"), State: new GrainState<BenchState>(BenchState.Create(i))))
            .ToArray();

        // The first write of each grain is an insert; it is not what is measured.
        await Task.WhenAll(grains.Select(g => storage.WriteStateAsync(StateName, g.Id, g.State))).ConfigureAwait(false);

        var stopwatch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(grains.Select(g => Task.Run(
            async () =>
            {
                var written = 0L;
                while (stopwatch.Elapsed < duration && !ct.IsCancellationRequested)
                {
                    g.State.State.Version++;
                    await storage.WriteStateAsync(StateName, g.Id, g.State).ConfigureAwait(false);
                    written++;
                }

                return written;
            },
            ct))).ConfigureAwait(false);
        stopwatch.Stop();
        var total = counts.Sum();
        return (total / stopwatch.Elapsed.TotalSeconds, total);
    }
}
