using Booking.Grains.Persistence;
using Booking.Silo.Storage;
using Booking.Tests.Support;
using Orleans.Storage;

namespace Booking.Tests.Storage;

public sealed class MemoryGrainStorageTests
{
    private const string StateName = "counter";

    private readonly RecordingProjectionSink _sink = new();
    private readonly Booking.Silo.Storage.Memory.MemoryGrainStorage _storage;

    public MemoryGrainStorageTests() => _storage = new Booking.Silo.Storage.Memory.MemoryGrainStorage(new JsonGrainStateSerializer(), _sink);

    [Fact]
    public async Task A_successful_write_hands_its_projections_to_the_sink()
    {
        var grainId = NewGrainId();
        var projection = new TestRowProjection("row-1", "booked");

        await _storage.WriteStateAsync(StateName, grainId, NewState(1, projection));

        Assert.Equal([(grainId, StateName, (IStateProjection)projection)], _sink.Applied);
    }

    [Fact]
    public async Task A_stale_write_hands_nothing_to_the_sink()
    {
        var grainId = NewGrainId();
        var stale = NewState(1);
        await _storage.WriteStateAsync(StateName, grainId, stale);
        await _storage.WriteStateAsync(StateName, grainId, NewStateAt(stale.ETag, 2));
        stale.SetProjections([new TestRowProjection("row-stale", "stale")]);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Empty(_sink.Applied);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);
        Assert.Equal("2", conflict.StoredEtag);
    }

    [Fact]
    public async Task A_sink_that_refuses_a_projection_fails_the_write_and_stores_nothing()
    {
        var grainId = NewGrainId();
        _sink.RefusedId = "taken";

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _storage.WriteStateAsync(StateName, grainId, NewState(1, new TestRowProjection("taken", "x"))));

        var read = new TestGrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, grainId, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Without_a_sink_projections_are_ignored_and_the_state_is_written()
    {
        var storage = new Booking.Silo.Storage.Memory.MemoryGrainStorage(new JsonGrainStateSerializer());
        var grainId = NewGrainId();

        await storage.WriteStateAsync(StateName, grainId, NewState(3, new TestRowProjection("row", "x")));

        var read = new TestGrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal(3, read.State.Count);
    }

    [Fact]
    public async Task A_read_state_is_a_copy_that_later_changes_to_the_written_object_do_not_reach()
    {
        var grainId = NewGrainId();
        var written = NewState(1);
        await _storage.WriteStateAsync(StateName, grainId, written);
        written.State.Count = 99;

        var read = new TestGrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, grainId, read);

        Assert.Equal(1, read.State.Count);
    }

    private static GrainId NewGrainId() => GrainId.Create("Booking.Tests.ICounterGrain", Guid.NewGuid().ToString("N"));

    private static TestGrainState<CounterState> NewState(int count, params IStateProjection[] projections)
    {
        var state = new TestGrainState<CounterState>(new CounterState { Count = count });
        state.SetProjections(projections);
        return state;
    }

    private static TestGrainState<CounterState> NewStateAt(string? eTag, int count) => new(new CounterState { Count = count }, eTag);
}
