using Booking.Grains.Persistence;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Silo.Storage.Sqlite;
using Booking.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace Booking.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests(PostgresStorageFixture database) : IClassFixture<PostgresStorageFixture>
{
    private const string StateName = "counter";

    [Fact]
    public async Task Postgres_storage_registered_by_name_migrates_and_writes_projections()
    {
        var connectionString = await database.CreateDatabaseAsync();
        var services = new ServiceCollection()
            .AddPostgresGrainStorage("bookings", o => o.ConnectionString = connectionString)
            .AddPostgresMigration(PostgresTestRowWriter.Table.Id, PostgresTestRowWriter.Table.Name, PostgresTestRowWriter.Table.Sql)
            .AddSingleton<IPostgresProjectionWriter, PostgresTestRowWriter>();
        await using var provider = services.BuildServiceProvider();

        var initializers = provider.GetServices<IStorageInitializer>().ToArray();
        await Task.WhenAll(initializers.Select(i => i.InitializeAsync(CancellationToken.None)));
        var storage = provider.GetRequiredKeyedService<IGrainStorage>("bookings");
        var grainId = NewGrainId();
        var state = new TestGrainState<CounterState>(new CounterState { Count = 4 });
        state.SetProjections([new TestRowProjection("row-1", "via DI")]);
        await storage.WriteStateAsync(StateName, grainId, state);

        Assert.Single(initializers);
        Assert.Null(provider.GetKeyedService<IGrainStorage>(GrainStorageNames.Default));
        Assert.Null(provider.GetService<IReminderTable>());
        Assert.Equal(4, (await ReadAsync(storage, grainId)).State.Count);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT note FROM test_projection WHERE id = 'row-1'");
        Assert.Equal("via DI", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Sqlite_storage_registered_as_default_migrates_and_round_trips()
    {
        await using var file = new SqliteTestDatabase();
        var services = new ServiceCollection()
            .AddSqliteGrainStorageAsDefault(o => o.ConnectionString = file.ConnectionString)
            .AddSqliteReminderTable(o => o.ConnectionString = file.ConnectionString)
            .AddSqliteMigration(SqliteTestRowWriter.Table.Id, SqliteTestRowWriter.Table.Name, SqliteTestRowWriter.Table.Sql)
            .AddSingleton<ISqliteProjectionWriter, SqliteTestRowWriter>();
        await using var provider = services.BuildServiceProvider();

        foreach (var initializer in provider.GetServices<IStorageInitializer>())
        {
            await initializer.InitializeAsync(CancellationToken.None);
        }

        var storage = provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var grainId = NewGrainId();
        var state = new TestGrainState<CounterState>(new CounterState { Count = 6 });
        state.SetProjections([new TestRowProjection("row-1", "via DI")]);
        await storage.WriteStateAsync(StateName, grainId, state);
        var reminders = provider.GetRequiredService<IReminderTable>();
        await reminders.StartAsync();
        var eTag = await reminders.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = DateTime.UnixEpoch, Period = TimeSpan.FromMinutes(1) });

        Assert.Equal(6, (await ReadAsync(storage, grainId)).State.Count);
        Assert.True(await reminders.RemoveRow(grainId, "r", eTag!));
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT note FROM test_projection WHERE id = 'row-1'";
        Assert.Equal("via DI", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Memory_storages_under_different_names_are_separate_and_use_the_registered_sink()
    {
        var sink = new RecordingProjectionSink();
        var services = new ServiceCollection()
            .AddMemoryGrainStorageAsDefault()
            .AddMemoryGrainStorage("other")
            .AddSingleton<IMemoryProjectionSink>(sink);
        await using var provider = services.BuildServiceProvider();
        var main = provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var other = provider.GetRequiredKeyedService<IGrainStorage>("other");
        var grainId = NewGrainId();
        var state = new TestGrainState<CounterState>(new CounterState { Count = 8 });
        state.SetProjections([new TestRowProjection("row-1", "x")]);

        await main.WriteStateAsync(StateName, grainId, state);

        Assert.NotSame(main, other);
        Assert.Equal(8, (await ReadAsync(main, grainId)).State.Count);
        Assert.False((await ReadAsync(other, grainId)).RecordExists);
        Assert.Single(sink.Applied);
    }

    [Fact]
    public async Task A_postgres_storage_without_a_connection_string_fails_when_resolved()
    {
        await using var provider = new ServiceCollection().AddPostgresGrainStorageAsDefault(_ => { }).BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
    }

    private static GrainId NewGrainId() => GrainId.Create("Booking.Tests.ICounterGrain", Guid.NewGuid().ToString("N"));

    private static async Task<TestGrainState<CounterState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new TestGrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }
}
