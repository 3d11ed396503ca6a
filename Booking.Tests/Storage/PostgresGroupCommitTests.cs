using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;

namespace Booking.Tests.Storage;

public sealed class PostgresGroupCommitTests(PostgresStorageFixture database) : IClassFixture<PostgresStorageFixture>
{
    private const string StateName = "counter";

    [Fact]
    public async Task Concurrent_writes_from_many_grains_are_committed_in_one_transaction()
    {
        await using var storage = CreateStorage(maxConcurrentBatches: 1);
        var grainIds = Enumerable.Range(0, 300).Select(_ => NewGrainId()).ToArray();
        var batchesBefore = 0L;

        var writes = await PostgresBatching.QueueBehindStalledBatchAsync(storage, database.ConnectionString, () =>
        {
            batchesBefore = storage.Statistics.Batches;
            return [.. grainIds.Select((id, i) => storage.WriteStateAsync(StateName, id, NewState(i)))];
        });
        await Task.WhenAll(writes);

        Assert.Equal(batchesBefore + 1, storage.Statistics.Batches);
        Assert.Equal(300, storage.Statistics.LargestBatch);
        for (var i = 0; i < grainIds.Length; i++)
        {
            Assert.Equal(i, (await ReadAsync(storage, grainIds[i])).State.Count);
        }
    }

    [Fact]
    public async Task Unsynchronised_concurrent_writes_share_transactions()
    {
        await using var storage = CreateStorage();

        await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() => storage.WriteStateAsync(StateName, NewGrainId(), NewState(i)))));

        Assert.Equal(2_000, storage.Statistics.Writes);
        Assert.True(storage.Statistics.Batches < 1_000, $"{storage.Statistics.Batches} transactions for 2000 writes");
        Assert.True(storage.Statistics.LargestBatch > 1);
    }

    [Fact]
    public async Task A_stale_write_fails_alone_in_a_batch()
    {
        await using var storage = CreateStorage(maxConcurrentBatches: 1);
        var staleGrain = NewGrainId();
        var stale = NewState(1, "original");
        await storage.WriteStateAsync(StateName, staleGrain, stale);
        var current = await ReadAsync(storage, staleGrain);
        current.State.Text = "newer";
        await storage.WriteStateAsync(StateName, staleGrain, current);
        stale.State.Text = "stale";
        var neighbours = Enumerable.Range(0, 20).Select(_ => NewGrainId()).ToArray();

        var writes = await PostgresBatching.QueueBehindStalledBatchAsync(storage, database.ConnectionString, () =>
        [
            .. neighbours.Take(10).Select(id => storage.WriteStateAsync(StateName, id, NewState(1, "neighbour"))),
            storage.WriteStateAsync(StateName, staleGrain, stale),
            .. neighbours.Skip(10).Select(id => storage.WriteStateAsync(StateName, id, NewState(1, "neighbour"))),
        ]);
        var outcomes = await Task.WhenAll(writes.Select(PostgresBatching.OutcomeAsync));

        Assert.Equal(21, storage.Statistics.LargestBatch);
        Assert.IsType<InconsistentStateException>(outcomes[10]);
        Assert.All(outcomes.Where((_, i) => i != 10), Assert.Null);
        Assert.Equal("newer", (await ReadAsync(storage, staleGrain)).State.Text);
        foreach (var id in neighbours)
        {
            Assert.Equal("neighbour", (await ReadAsync(storage, id)).State.Text);
        }
    }

    [Fact]
    public async Task With_batches_capped_at_one_every_write_gets_its_own_transaction()
    {
        await using var storage = CreateStorage(maxBatchSize: 1);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => storage.WriteStateAsync(StateName, NewGrainId(), NewState(i)))));

        Assert.Equal(50, storage.Statistics.Batches);
        Assert.Equal(1, storage.Statistics.LargestBatch);
    }

    [Fact]
    public async Task A_lone_write_is_not_held_back_by_the_batch_window()
    {
        await using var storage = CreateStorage(batchWindow: TimeSpan.FromSeconds(60));
        await storage.WriteStateAsync(StateName, NewGrainId(), NewState(0));

        // Twenty sequential writes would take at least twenty minutes if each waited for the window.
        var write = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await storage.WriteStateAsync(StateName, NewGrainId(), NewState(i));
            }
        });

        await write.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_write_gathered_behind_a_busy_batch_goes_as_soon_as_that_batch_finishes()
    {
        await using var storage = CreateStorage(maxConcurrentBatches: 2, batchWindow: TimeSpan.FromSeconds(60));
        var blocker = NewGrainId();
        var blockerState = NewState(0);
        await storage.WriteStateAsync(StateName, blocker, blockerState);

        Task stalled;
        Task gathered;
        await using (await PostgresRowLock.AcquireAsync(database.ConnectionString, blocker, StateName))
        {
            var before = storage.Statistics.Batches;
            stalled = storage.WriteStateAsync(StateName, blocker, blockerState);
            await Eventually.HoldsAsync(() => storage.Statistics.Batches > before, "one writer is busy with the stalled write");

            // The other writer takes this one and, with a batch in flight, waits to gather more.
            gathered = storage.WriteStateAsync(StateName, NewGrainId(), NewState(1));
        }

        await stalled;
        await gathered.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Writes_fail_with_the_connection_error_when_the_database_is_unreachable()
    {
        await using var storage = new PostgresGrainStorage(
            new PostgresStorageOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=5" },
            new JsonGrainStateSerializer(),
            [],
            TimeProvider.System,
            NullLogger<PostgresGrainStorage>.Instance);

        var writes = Enumerable.Range(0, 10).Select(i => storage.WriteStateAsync(StateName, NewGrainId(), NewState(i))).ToArray();
        var outcomes = await Task.WhenAll(writes.Select(PostgresBatching.OutcomeAsync)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(outcomes, o => Assert.IsAssignableFrom<NpgsqlException>(o));
    }

    private PostgresGrainStorage CreateStorage(int maxBatchSize = 512, int maxConcurrentBatches = 2, TimeSpan? batchWindow = null) =>
        new(
            new PostgresStorageOptions
            {
                ConnectionString = database.ConnectionString,
                MaxBatchSize = maxBatchSize,
                MaxConcurrentBatches = maxConcurrentBatches,
                BatchWindow = batchWindow ?? TimeSpan.FromMilliseconds(1),
            },
            new JsonGrainStateSerializer(),
            [],
            TimeProvider.System,
            NullLogger<PostgresGrainStorage>.Instance);

    private static GrainId NewGrainId() => GrainId.Create("Booking.Tests.ICounterGrain", Guid.NewGuid().ToString("N"));

    private static TestGrainState<CounterState> NewState(int count, string text = "") => new(new CounterState { Count = count, Text = text });

    private static async Task<TestGrainState<CounterState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new TestGrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }
}
