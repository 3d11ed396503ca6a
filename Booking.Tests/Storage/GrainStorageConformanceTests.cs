using Booking.Tests.Support;
using Orleans.Storage;

namespace Booking.Tests.Storage;

/// <summary>
/// What every grain storage provider (an Orleans <see cref="IGrainStorage"/>) must do, written once and run against each provider by a small
/// subclass. Every test uses its own grain ids, so tests may share a database.
/// </summary>
public abstract class GrainStorageConformanceTests
{
    private const string StateName = "counter";

    protected abstract IGrainStorage Storage { get; }

    [Fact]
    public async Task An_absent_record_reads_as_a_fresh_state_without_an_etag()
    {
        var state = new TestGrainState<CounterState>(new CounterState { Count = 42, Text = "left over" }, "17") { RecordExists = true };

        await Storage.ReadStateAsync(StateName, NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State.Count);
        Assert.Equal("", state.State.Text);
        Assert.Empty(state.State.Items);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var grainId = NewGrainId();
        var written = NewState(7, "seven", "a", "b");

        await Storage.WriteStateAsync(StateName, grainId, written);
        var read = await ReadAsync(grainId);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(7, read.State.Count);
        Assert.Equal("seven", read.State.Text);
        Assert.Equal(["a", "b"], read.State.Items);
    }

    [Fact]
    public async Task Each_write_gives_a_new_etag_that_the_next_write_must_present()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);
        var first = state.ETag;

        state.State.Count = 2;
        await Storage.WriteStateAsync(StateName, grainId, state);

        Assert.NotEqual(first, state.ETag);
        Assert.Equal(2, (await ReadAsync(grainId)).State.Count);
    }

    [Fact]
    public async Task A_state_is_stored_per_grain_and_per_state_name()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, NewState(1));
        await Storage.WriteStateAsync("other", grainId, NewState(2));
        await Storage.WriteStateAsync(StateName, GrainId.Create("Booking.Tests.IOtherGrain", grainId.Key.ToString()!), NewState(3));

        Assert.Equal(1, (await ReadAsync(grainId)).State.Count);
        var other = new TestGrainState<CounterState>(new CounterState());
        await Storage.ReadStateAsync("other", grainId, other);
        Assert.Equal(2, other.State.Count);
    }

    [Fact]
    public async Task A_first_write_is_insert_if_absent_so_only_one_of_two_new_states_wins()
    {
        var grainId = NewGrainId();
        var first = NewState(1, "first");
        var second = NewState(2, "second");

        var outcomes = await Task.WhenAll(
            CaptureAsync(() => Storage.WriteStateAsync(StateName, grainId, first)),
            CaptureAsync(() => Storage.WriteStateAsync(StateName, grainId, second)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is InconsistentStateException);
        var winner = outcomes[0] is null ? first : second;
        var stored = await ReadAsync(grainId);
        Assert.Equal(winner.State.Text, stored.State.Text);
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task Two_activations_racing_with_the_same_etag_have_exactly_one_winner_in_every_round()
    {
        var grainId = NewGrainId();
        var seed = NewState(0);
        await Storage.WriteStateAsync(StateName, grainId, seed);

        for (var round = 1; round <= 50; round++)
        {
            var a = await ReadAsync(grainId);
            var b = await ReadAsync(grainId);
            a.State.Count = round;
            a.State.Text = $"a{round}";
            b.State.Count = round;
            b.State.Text = $"b{round}";
            var readETag = a.ETag;

            var outcomes = await Task.WhenAll(
                CaptureAsync(() => Storage.WriteStateAsync(StateName, grainId, a)),
                CaptureAsync(() => Storage.WriteStateAsync(StateName, grainId, b)));

            Assert.Single(outcomes, o => o is null);
            Assert.Single(outcomes, o => o is InconsistentStateException);
            var (winner, loser) = outcomes[0] is null ? (a, b) : (b, a);
            Assert.Equal(readETag, loser.ETag);
            var stored = await ReadAsync(grainId);
            Assert.Equal(winner.State.Text, stored.State.Text);
            Assert.Equal(winner.ETag, stored.ETag);
        }
    }

    [Fact]
    public async Task A_stale_etag_fails_and_leaves_the_stored_state_untouched()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, NewState(1, "one"));
        var stale = await ReadAsync(grainId);
        var current = await ReadAsync(grainId);
        current.State.Text = "two";
        await Storage.WriteStateAsync(StateName, grainId, current);

        stale.State.Text = "stale";
        var staleETag = stale.ETag;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(staleETag, conflict.CurrentEtag);
        Assert.Equal(staleETag, stale.ETag);
        var stored = await ReadAsync(grainId);
        Assert.Equal("two", stored.State.Text);
        Assert.Equal(current.ETag, stored.ETag);
    }

    [Fact]
    public async Task An_etag_on_a_state_that_was_never_written_fails()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        state.ETag = "1";

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, state));

        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task A_cleared_record_reads_as_absent_but_keeps_a_version_for_the_next_write()
    {
        var grainId = NewGrainId();
        var state = NewState(5, "five");
        await Storage.WriteStateAsync(StateName, grainId, state);

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        Assert.Equal(0, state.State.Count);
        var read = await ReadAsync(grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(0, read.State.Count);
        Assert.Equal("", read.State.Text);

        read.State.Text = "again";
        await Storage.WriteStateAsync(StateName, grainId, read);
        Assert.Equal("again", (await ReadAsync(grainId)).State.Text);
    }

    [Fact]
    public async Task A_stale_writer_cannot_resurrect_a_cleared_record()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, NewState(1, "alive"));
        var clearer = await ReadAsync(grainId);
        var staleWriter = await ReadAsync(grainId);
        await Storage.ClearStateAsync(StateName, grainId, clearer);

        staleWriter.State.Text = "resurrected";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, staleWriter));

        // Nor can a writer that never saw the record insert it afresh.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, NewState(9, "new")));

        var stored = await ReadAsync(grainId);
        Assert.False(stored.RecordExists);
        Assert.Equal(clearer.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_stale_clear_fails_and_leaves_the_stored_state_untouched()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, NewState(1, "one"));
        var stale = await ReadAsync(grainId);
        var current = await ReadAsync(grainId);
        current.State.Text = "two";
        await Storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grainId, stale));

        var stored = await ReadAsync(grainId);
        Assert.True(stored.RecordExists);
        Assert.Equal("two", stored.State.Text);
    }

    [Fact]
    public async Task Clearing_a_record_never_written_leaves_a_version_that_a_first_writer_cannot_skip()
    {
        var grainId = NewGrainId();
        var clearer = NewState(0);

        await Storage.ClearStateAsync(StateName, grainId, clearer);

        Assert.False(clearer.RecordExists);
        Assert.NotNull(clearer.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, NewState(1, "late first write")));
        var read = await ReadAsync(grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(clearer.ETag, read.ETag);
    }

    [Fact]
    public async Task A_one_megabyte_state_round_trips()
    {
        var grainId = NewGrainId();
        var items = Enumerable.Range(0, 16_384).Select(i => $"item-{i:D5}-{new string((char)('a' + (i % 26)), 48)}").ToArray();
        var state = NewState(1, "large", items);

        await Storage.WriteStateAsync(StateName, grainId, state);
        var read = await ReadAsync(grainId);

        Assert.True(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(state.State).Length > 1_000_000);
        Assert.Equal(items, read.State.Items);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Five_thousand_grains_written_concurrently_all_read_back()
    {
        var prefix = Guid.NewGuid().ToString("N");
        var grainIds = Enumerable.Range(0, 5_000).Select(i => GrainId.Create("Booking.Tests.ICounterGrain", $"{prefix}/{i}")).ToArray();

        await Task.WhenAll(grainIds.Select((id, i) => Task.Run(() => Storage.WriteStateAsync(StateName, id, NewState(i, id.Key.ToString()!)))));

        var reads = await Task.WhenAll(grainIds.Select(id => Task.Run(() => ReadAsync(id))));
        for (var i = 0; i < grainIds.Length; i++)
        {
            Assert.True(reads[i].RecordExists);
            Assert.Equal(i, reads[i].State.Count);
            Assert.Equal(grainIds[i].Key.ToString(), reads[i].State.Text);
        }
    }

    protected static GrainId NewGrainId() => GrainId.Create("Booking.Tests.ICounterGrain", Guid.NewGuid().ToString("N"));

    protected static TestGrainState<CounterState> NewState(int count, string text = "", params string[] items) =>
        new(new CounterState { Count = count, Text = text, Items = [.. items] });

    protected async Task<TestGrainState<CounterState>> ReadAsync(GrainId grainId, string stateName = StateName)
    {
        var state = new TestGrainState<CounterState>(new CounterState());
        await Storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    /// <summary>Runs a write on the thread pool (so two of them really race) and returns its exception, or null.</summary>
    protected static async Task<Exception?> CaptureAsync(Func<Task> write)
    {
        try
        {
            await Task.Run(write);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
