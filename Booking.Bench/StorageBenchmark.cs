using System.Diagnostics;
using Booking.Bench.Measurement;
using Booking.Silo.Hosting;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Booking.Bench;

/// <summary>
/// Measures durable grain-state writes per second and their latency. Each writer owns one grain and writes it again as
/// soon as its previous write completed (a closed loop, like grains that persist every request).
/// </summary>
internal static class StorageBenchmark
{
    private const string StateName = "bench";

    /// <summary>
    /// PostgreSQL, the same <paramref name="writers"/> and <paramref name="duration"/> for each: (a) the project's storage
    /// with group commit off, every write its own transaction with up to <paramref name="writers"/> transactions in flight
    /// at once (one connection each, fewer if the server's max_connections does not leave room for that many); (b) the
    /// project's group-commit storage and (c) Orleans' stock ADO.NET storage, both as one silo registers them with
    /// <c>Booking:Storage:GrainStorage=AdoNet</c>. <paramref name="connectionString"/> is an admin connection string: the
    /// benchmark creates a database of its own (named from a Guid), migrates it and drops it afterwards.
    /// </summary>
    public static async Task<StorageBenchResult> RunAsync(string connectionString, int writers, TimeSpan duration, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        var database = $"booking_bench_{Guid.NewGuid():N}";
        await ExecuteAdminAsync(connectionString, $"CREATE DATABASE \"{database}\" TEMPLATE template0", ct).ConfigureAwait(false);
        var benchConnection = new NpgsqlConnectionStringBuilder(connectionString) { Database = database };
        try
        {
            return await RunInDatabaseAsync(benchConnection, writers, duration, ct).ConfigureAwait(false);
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

        StorageWriteFigures single;
        await using (var storage = CreateSqlite(new SqliteStorageOptions { ConnectionString = connectionString, MaxBatchSize = 1 }))
        {
            single = await MeasureAsync(storage, writers, duration, ct).ConfigureAwait(false);
        }

        StorageWriteFigures batched;
        double averageBatch;
        await using (var storage = CreateSqlite(new SqliteStorageOptions { ConnectionString = connectionString }))
        {
            var batchesBefore = storage.Batches;
            batched = await MeasureAsync(storage, writers, duration, ct).ConfigureAwait(false);
            averageBatch = (double)batched.Writes / Math.Max(1, storage.Batches - batchesBefore);
        }

        return new StorageBenchResult(writers, duration, single, batched, averageBatch, AdoNet: null);
    }

    private static async Task<StorageBenchResult> RunInDatabaseAsync(NpgsqlConnectionStringBuilder connection, int writers, TimeSpan duration, CancellationToken ct)
    {
        await new PostgresStorageInitializer(
                new PostgresStorageOptions { ConnectionString = connection.ConnectionString },
                [],
                TimeProvider.System,
                NullLogger<PostgresStorageInitializer>.Instance)
            .InitializeAsync(ct)
            .ConfigureAwait(false);

        // One connection per transaction in flight (one-write-per-transaction, and the stock storage's pool): stay clear of
        // the server's limit (a stock server allows 100).
        int maxConnections;
        await using (var dataSource = NpgsqlDataSource.Create(connection.ConnectionString))
        await using (var command = dataSource.CreateCommand("SELECT current_setting('max_connections')::int"))
        {
            maxConnections = (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        var connections = Math.Clamp(maxConnections - 20, 1, writers);
        connection.MaxPoolSize = connections;

        StorageWriteFigures single;
        var singleOptions = new PostgresStorageOptions
        {
            ConnectionString = connection.ConnectionString,
            MaxBatchSize = 1,
            MaxConcurrentBatches = connections,
        };

        // Disposed before the next measurement, which then finds the server's connections free again.
        await using (var storage = CreatePostgres(singleOptions))
        {
            single = await MeasureAsync(storage, writers, duration, ct).ConfigureAwait(false);
        }

        await using var silo = await DeployStorageSiloAsync(connection.ConnectionString, ct).ConfigureAwait(false);
        var services = silo.Silos[0].ServiceProvider;
        var groupCommit = (PostgresGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Projected);
        var adoNet = services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        if (adoNet is not AdoNetGrainStorage)
        {
            throw new InvalidOperationException($"Expected Orleans' ADO.NET storage as the default provider, found {adoNet.GetType()}.");
        }

        var batchesBefore = groupCommit.Statistics.Batches;
        var batched = await MeasureAsync(groupCommit, writers, duration, ct).ConfigureAwait(false);
        var averageBatch = (double)batched.Writes / Math.Max(1, groupCommit.Statistics.Batches - batchesBefore);
        var stock = await MeasureAsync(adoNet, writers, duration, ct).ConfigureAwait(false);
        return new StorageBenchResult(writers, duration, single, batched, averageBatch, stock);
    }

    /// <summary>
    /// One silo with the booking silo configuration on PostgreSQL with <c>Booking:Storage:GrainStorage=AdoNet</c>: Orleans'
    /// stock ADO.NET storage as the default provider beside the project's group-commit provider, each initialised by the
    /// silo's lifecycle as in production.
    /// </summary>
    private static async Task<InProcessTestCluster> DeployStorageSiloAsync(string connectionString, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Booking:Storage:Provider"] = nameof(StorageProvider.Postgres),
                ["Booking:Storage:ConnectionString"] = connectionString,
                ["Booking:Storage:GrainStorage"] = nameof(GrainStorageKind.AdoNet),
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseBookingGrains(configuration);

            // The stock storage's default serializer is Newtonsoft JSON with $type; the project's storage writes
            // System.Text.Json. The same serializer on both sides keeps the comparison about the writes.
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync(ct).ConfigureAwait(false);
        return cluster;
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

    /// <summary>Writes per second over the measured period, how many writes that was, and the latency of each.</summary>
    private static async Task<StorageWriteFigures> MeasureAsync(IGrainStorage storage, int writers, TimeSpan duration, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, writers)
            .Select(i => BenchState.Create(i))
            .Select((state, i) => (Id: GrainId.Create("bench", $"{run}/{i}"), Value: state, State: new GrainState<BenchState>(state)))
            .ToArray();

        // The first write of each grain is an insert; it is not what is measured.
        await Task.WhenAll(grains.Select(g => storage.WriteStateAsync(StateName, g.Id, g.State))).ConfigureAwait(false);

        var stopwatch = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(grains.Select(g => Task.Run(
            async () =>
            {
                var samples = new List<double>();
                while (stopwatch.Elapsed < duration && !ct.IsCancellationRequested)
                {
                    g.Value.Version++;
                    var start = Stopwatch.GetTimestamp();
                    await storage.WriteStateAsync(StateName, g.Id, g.State).ConfigureAwait(false);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                return samples;
            },
            ct))).ConfigureAwait(false);
        stopwatch.Stop();
        var all = latencies.SelectMany(s => s).ToArray();
        return new StorageWriteFigures(all.Length / stopwatch.Elapsed.TotalSeconds, all.Length, LatencyStats.From(all));
    }
}
