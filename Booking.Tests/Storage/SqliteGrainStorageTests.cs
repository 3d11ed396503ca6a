using Booking.Grains.Persistence;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Booking.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Booking.Tests.Storage;

public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "counter";

    private SqliteTestDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(SqliteTestRowWriter.Table);
        _storage = CreateStorage(maxBatchSize: 256);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_writes_are_committed_in_one_transaction()
    {
        var grainIds = Enumerable.Range(0, 200).Select(_ => NewGrainId()).ToArray();
        var batchesBefore = 0L;

        var writes = await SqliteBatching.QueueBehindHeldLockAsync(_storage, _database.ConnectionString, () =>
        {
            batchesBefore = _storage.Batches;
            return [.. grainIds.Select((id, i) => _storage.WriteStateAsync(StateName, id, NewState(i)))];
        });
        await Task.WhenAll(writes);

        Assert.Equal(batchesBefore + 1, _storage.Batches);
        Assert.Equal(200, _storage.LargestBatch);
        for (var i = 0; i < grainIds.Length; i++)
        {
            Assert.Equal(i, (await ReadStateAsync(grainIds[i])).State.Count);
        }
    }

    [Fact]
    public async Task With_batches_capped_at_one_every_write_gets_its_own_transaction()
    {
        await using var storage = CreateStorage(maxBatchSize: 1);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => storage.WriteStateAsync(StateName, NewGrainId(), NewState(i)))));

        Assert.Equal(50, storage.Batches);
        Assert.Equal(1, storage.LargestBatch);
    }

    [Fact]
    public async Task A_stale_write_and_its_projection_fail_alone_in_a_batch()
    {
        var staleGrain = NewGrainId();
        var stale = NewState(1);
        await _storage.WriteStateAsync(StateName, staleGrain, stale);
        var current = await ReadStateAsync(staleGrain);
        current.State.Text = "newer";
        await _storage.WriteStateAsync(StateName, staleGrain, current);
        stale.State.Text = "stale";
        var staleRow = NewRowId();
        stale.SetProjections([new TestRowProjection(staleRow, "stale")]);
        var neighbourRows = new[] { NewRowId(), NewRowId() };

        var writes = await SqliteBatching.QueueBehindHeldLockAsync(_storage, _database.ConnectionString, () =>
        [
            _storage.WriteStateAsync(StateName, NewGrainId(), NewState(1, new TestRowProjection(neighbourRows[0], "ok"))),
            _storage.WriteStateAsync(StateName, staleGrain, stale),
            _storage.WriteStateAsync(StateName, NewGrainId(), NewState(1, new TestRowProjection(neighbourRows[1], "ok"))),
        ]);
        var outcomes = await Task.WhenAll(writes.Select(PostgresBatching.OutcomeAsync));

        Assert.Equal(3, _storage.LargestBatch);
        Assert.IsType<InconsistentStateException>(outcomes[1]);
        Assert.Null(outcomes[0]);
        Assert.Null(outcomes[2]);
        Assert.Equal("newer", (await ReadStateAsync(staleGrain)).State.Text);
        Assert.Null(await ReadRowAsync(staleRow));
        Assert.Equal("ok", await ReadRowAsync(neighbourRows[0]));
        Assert.Equal("ok", await ReadRowAsync(neighbourRows[1]));
    }

    [Fact]
    public async Task A_projection_that_violates_a_unique_constraint_fails_only_its_own_write_and_undoes_its_state_change()
    {
        var takenRow = NewRowId();
        await _storage.WriteStateAsync(StateName, NewGrainId(), NewState(1, new TestRowProjection(takenRow, "first")));
        var loserGrain = NewGrainId();
        var loser = NewState(1);
        loser.State.Text = "before";
        await _storage.WriteStateAsync(StateName, loserGrain, loser);
        var loserETag = loser.ETag;
        loser.State.Text = "after";
        loser.SetProjections([new TestRowProjection(takenRow, "second")]);
        var winners = new[] { NewGrainId(), NewGrainId() };
        var winnerRows = new[] { NewRowId(), NewRowId() };

        var writes = await SqliteBatching.QueueBehindHeldLockAsync(_storage, _database.ConnectionString, () =>
        [
            _storage.WriteStateAsync(StateName, winners[0], NewState(1, new TestRowProjection(winnerRows[0], "ok"))),
            _storage.WriteStateAsync(StateName, loserGrain, loser),
            _storage.WriteStateAsync(StateName, winners[1], NewState(1, new TestRowProjection(winnerRows[1], "ok"))),
        ]);
        var outcomes = await Task.WhenAll(writes.Select(PostgresBatching.OutcomeAsync));

        Assert.Equal(3, _storage.LargestBatch);
        var violation = Assert.IsType<SqliteException>(outcomes[1]);
        Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT, violation.SqliteErrorCode & 0xFF);
        Assert.Equal(loserETag, loser.ETag);
        var stored = await ReadStateAsync(loserGrain);
        Assert.Equal("before", stored.State.Text);
        Assert.Equal(loserETag, stored.ETag);
        Assert.Equal("first", await ReadRowAsync(takenRow));
        Assert.Null(outcomes[0]);
        Assert.Null(outcomes[2]);
        Assert.Equal("ok", await ReadRowAsync(winnerRows[0]));
        Assert.Equal("ok", await ReadRowAsync(winnerRows[1]));
    }

    [Fact]
    public async Task A_projection_without_a_registered_writer_is_rejected_and_nothing_is_stored()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        state.SetProjections([new UnhandledProjection("x")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _storage.WriteStateAsync(StateName, grainId, state));

        Assert.False((await ReadStateAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task Migrating_concurrently_and_then_again_applies_each_migration_exactly_once()
    {
        await using var database = new SqliteTestDatabase();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => database.CreateInitializer(SqliteTestRowWriter.Table).InitializeAsync(CancellationToken.None))));
        await database.CreateInitializer(SqliteTestRowWriter.Table).InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(id, ',') FROM (SELECT id FROM schema_migrations ORDER BY id)";
        Assert.Equal(string.Join(",", [.. SqliteSchema.CoreMigrations.Select(m => m.Id), 1000]), await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    private SqliteGrainStorage CreateStorage(int maxBatchSize) =>
        new(_database.Options(maxBatchSize), new JsonGrainStateSerializer(), [new SqliteTestRowWriter()], TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);

    private static GrainId NewGrainId() => GrainId.Create("Booking.Tests.ICounterGrain", Guid.NewGuid().ToString("N"));

    private static string NewRowId() => Guid.NewGuid().ToString("N");

    private static TestGrainState<CounterState> NewState(int count, params IStateProjection[] projections)
    {
        var state = new TestGrainState<CounterState>(new CounterState { Count = count });
        state.SetProjections(projections);
        return state;
    }

    private async Task<TestGrainState<CounterState>> ReadStateAsync(GrainId grainId)
    {
        var state = new TestGrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }

    private async Task<string?> ReadRowAsync(string id)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT note FROM test_projection WHERE id = $id";
        command.Parameters.Add("$id", SqliteType.Text).Value = id;
        return (string?)await command.ExecuteScalarAsync();
    }
}
