using System.Text;
using Booking.Silo.Storage;

namespace Booking.Tests.Storage;

public sealed class JsonGrainStateSerializerTests
{
    private readonly JsonGrainStateSerializer _serializer = new();

    [Fact]
    public void State_is_stored_with_camel_case_property_names()
    {
        var json = _serializer.Serialize(new CounterState { Count = 3, Text = "t" });

        Assert.Equal("""{"count":3,"text":"t","items":[]}""", json);
    }

    [Fact]
    public void A_state_round_trips_through_utf8_json()
    {
        var bytes = _serializer.SerializeToUtf8Bytes(new CounterState { Count = 3, Items = ["a"] });

        var read = _serializer.Deserialize<CounterState>(bytes);

        Assert.Equal(3, read.Count);
        Assert.Equal(["a"], read.Items);
    }

    [Fact]
    public void A_json_null_reads_as_a_fresh_state()
    {
        var read = _serializer.Deserialize<CounterState>(Encoding.UTF8.GetBytes("null"));

        Assert.NotNull(read);
        Assert.Empty(read.Items);
    }

    [Fact]
    public void A_fresh_state_runs_the_parameterless_constructor()
    {
        var state = JsonGrainStateSerializer.CreateInstance<CounterState>();

        Assert.NotNull(state.Items);
        Assert.Equal("", state.Text);
    }

    [Fact]
    public void A_positional_record_with_defaults_gets_its_defaults_as_fresh_state()
    {
        var state = JsonGrainStateSerializer.CreateInstance<DefaultedState>();

        Assert.Equal(new DefaultedState(3, "x"), state);
    }

    [Fact]
    public void A_state_type_without_a_usable_constructor_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => JsonGrainStateSerializer.CreateInstance<UnconstructibleState>());

        Assert.Contains(nameof(UnconstructibleState), error.Message, StringComparison.Ordinal);
    }
}
