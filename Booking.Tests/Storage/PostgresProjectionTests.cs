using Booking.Grains.Persistence;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Booking.Tests.Storage;

public sealed class PostgresProjectionTests(PostgresStorageFixture database) : IClassFixture<PostgresStorageFixture>, IAsyncLifetime
{
    private const string StateName = "counter";

    private readonly PostgresGrainStorage _storage = new(
        new PostgresStorageOptions { ConnectionString = database.ConnectionString, MaxConcurrentBatches = 1 },
        new JsonGrainStateSerializer(),
        [new PostgresTestRowWriter(), new PostgresTestSlotWriter()],
        TimeProvider.System,
        NullLogger<PostgresGrainStorage>.Instance);

    public Task InitializeAsync() =>
        PostgresStorageFixture.CreateInitializer(database.ConnectionString, PostgresTestRowWriter.Table, PostgresTestSlotWriter.Table)
            .InitializeAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Projection_rows_commit_with_their_state()
    {
        var grainId = NewGrainId();
        var rowId = NewRowId();

        await _storage.WriteStateAsync(StateName, grainId, NewState(1, new TestRowProjection(rowId, "booked")));

        Assert.Equal(("booked", grainId.Key.ToString()), await ReadRowAsync(rowId));
        Assert.Equal(1, (await ReadStateAsync(grainId)).State.Count);
    }

    [Fact]
    public async Task A_stale_writes_projection_rows_do_not_appear_while_its_neighbours_rows_do()
    {
        var staleGrain = NewGrainId();
        var stale = NewState(1);
        await _storage.WriteStateAsync(StateName, staleGrain, stale);
        var current = await ReadStateAsync(staleGrain);
        await _storage.WriteStateAsync(StateName, staleGrain, current);
        var staleRow = NewRowId();
        stale.SetProjections([new TestRowProjection(staleRow, "stale")]);
        var neighbourRows = new[] { NewRowId(), NewRowId() };

        var writes = await PostgresBatching.QueueBehindStalledBatchAsync(_storage, database.ConnectionString, () =>
        [
            _storage.WriteStateAsync(StateName, NewGrainId(), NewState(1, new TestRowProjection(neighbourRows[0], "ok"))),
            _storage.WriteStateAsync(StateName, staleGrain, stale),
            _storage.WriteStateAsync(StateName, NewGrainId(), NewState(1, new TestRowProjection(neighbourRows[1], "ok"))),
        ]);
        var outcomes = await Task.WhenAll(writes.Select(PostgresBatching.OutcomeAsync));

        Assert.Equal(3, _storage.Statistics.LargestBatch);
        Assert.IsType<InconsistentStateException>(outcomes[1]);
        Assert.Null(outcomes[0]);
        Assert.Null(outcomes[2]);
        Assert.Null(await ReadRowAsync(staleRow));
        Assert.NotNull(await ReadRowAsync(neighbourRows[0]));
        Assert.NotNull(await ReadRowAsync(neighbourRows[1]));
    }

    [Fact]
    public async Task A_projection_that_violates_a_unique_constraint_fails_only_its_own_write()
    {
        var takenRow = NewRowId();
        await _storage.WriteStateAsync(StateName, NewGrainId(), NewState(1, new TestRowProjection(takenRow, "first")));
        var loserGrain = NewGrainId();
        var loser = NewState(5, new TestRowProjection(takenRow, "second"));
        var winners = new[] { NewGrainId(), NewGrainId(), NewGrainId() };
        var winnerRows = new[] { NewRowId(), NewRowId(), NewRowId() };
        var retriesBefore = _storage.Statistics.Retries;

        var writes = await PostgresBatching.QueueBehindStalledBatchAsync(_storage, database.ConnectionString, () =>
        [
            _storage.WriteStateAsync(StateName, winners[0], NewState(1, new TestRowProjection(winnerRows[0], "ok"))),
            _storage.WriteStateAsync(StateName, loserGrain, loser),
            _storage.WriteStateAsync(StateName, winners[1], NewState(1, new TestRowProjection(winnerRows[1], "ok"))),
            _storage.WriteStateAsync(StateName, winners[2], NewState(1, new TestRowProjection(winnerRows[2], "ok"))),
        ]);
        var outcomes = await Task.WhenAll(writes.Select(PostgresBatching.OutcomeAsync));

        Assert.Equal(4, _storage.Statistics.LargestBatch);
        Assert.True(_storage.Statistics.Retries > retriesBefore);
        var violation = Assert.IsType<PostgresException>(outcomes[1]);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, violation.SqlState);
        Assert.Null(loser.ETag);
        Assert.False((await ReadStateAsync(loserGrain)).RecordExists);
        Assert.Equal("first", (await ReadRowAsync(takenRow))?.Note);
        for (var i = 0; i < winners.Length; i++)
        {
            Assert.Null(outcomes[i == 0 ? 0 : i + 1]);
            Assert.True((await ReadStateAsync(winners[i])).RecordExists);
            Assert.Equal(("ok", winners[i].Key.ToString()), await ReadRowAsync(winnerRows[i]));
        }
    }

    [Fact]
    public async Task Overlapping_slots_in_one_batch_fail_only_the_write_that_breaks_the_exclusion_constraint()
    {
        var resource = Guid.NewGuid().ToString("N");
        var nine = new DateTimeOffset(2030, 5, 6, 9, 0, 0, TimeSpan.Zero);
        var grains = new[] { NewGrainId(), NewGrainId(), NewGrainId() };

        // 9:00-10:00 first; 9:30-10:30 overlaps it; 10:00-11:00 only overlaps the one that must fail.
        var writes = await PostgresBatching.QueueBehindStalledBatchAsync(_storage, database.ConnectionString, () =>
        [
            _storage.WriteStateAsync(StateName, grains[0], NewState(1, new TestSlotProjection(resource, nine, nine.AddHours(1)))),
            _storage.WriteStateAsync(StateName, grains[1], NewState(1, new TestSlotProjection(resource, nine.AddMinutes(30), nine.AddMinutes(90)))),
            _storage.WriteStateAsync(StateName, grains[2], NewState(1, new TestSlotProjection(resource, nine.AddHours(1), nine.AddHours(2)))),
        ]);
        var outcomes = await Task.WhenAll(writes.Select(PostgresBatching.OutcomeAsync));

        Assert.Equal(3, _storage.Statistics.LargestBatch);
        Assert.Null(outcomes[0]);
        Assert.Equal(PostgresErrorCodes.ExclusionViolation, Assert.IsType<PostgresException>(outcomes[1]).SqlState);
        Assert.Null(outcomes[2]);
        Assert.True((await ReadStateAsync(grains[0])).RecordExists);
        Assert.False((await ReadStateAsync(grains[1])).RecordExists);
        Assert.True((await ReadStateAsync(grains[2])).RecordExists);
        Assert.Equal(2, await CountSlotsAsync(resource));
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

    private async Task<long> CountSlotsAsync(string resource)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM test_slot WHERE resource = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = resource, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(string Note, string GrainKey)?> ReadRowAsync(string id)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT note, grain_key FROM test_projection WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }
}
