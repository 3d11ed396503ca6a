using System.Text.Json;
using Booking.Grains.Persistence;

namespace Booking.Silo.Storage;

/// <summary>
/// The one serializer every storage provider uses for grain state: System.Text.Json with web defaults
/// (camelCase names), so a state written by one provider reads back through any other.
/// </summary>
public sealed class JsonGrainStateSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Creates a serializer with <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public JsonGrainStateSerializer()
        : this(new JsonSerializerOptions(JsonSerializerDefaults.Web))
    {
    }

    /// <summary>Creates a serializer with the given options; they are frozen so later changes cannot alter stored formats mid-flight.</summary>
    public JsonGrainStateSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        _options = options;
    }

    /// <summary>The (read-only) options in use.</summary>
    public JsonSerializerOptions Options => _options;

    /// <summary>Serializes a state to UTF-8 JSON.</summary>
    public byte[] SerializeToUtf8Bytes<T>(T state) => JsonSerializer.SerializeToUtf8Bytes(state, _options);

    /// <summary>Serializes a state to a JSON string.</summary>
    public string Serialize<T>(T state) => JsonSerializer.Serialize(state, _options);

    /// <summary>Deserializes a state; a JSON <c>null</c> yields a fresh state, because a read never hands a grain a null state.</summary>
    public T Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, _options) ?? CreateInstance<T>();

    /// <summary>Deserializes a state from a JSON string; a JSON <c>null</c> yields a fresh state.</summary>
    public T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, _options) ?? CreateInstance<T>();

    /// <summary>
    /// The state of a grain that has no record: <c>Activator.CreateInstance&lt;T&gt;()</c> when <typeparamref name="T"/> has a
    /// parameterless constructor (or is a value type); otherwise a public constructor whose parameters all have defaults
    /// (a positional record such as <c>record S(int Count = 0)</c>). Throws <see cref="InvalidOperationException"/> for other types.
    /// </summary>
    public static T CreateInstance<T>() => FreshState<T>.Create();

    /// <summary>The stored form of <paramref name="grainState"/>: its state, or the state inside a projection envelope.</summary>
    public byte[] SerializeStateToUtf8Bytes<T>(IGrainState<T> grainState) =>
        grainState.State is IProjectionEnvelope envelope
            ? JsonSerializer.SerializeToUtf8Bytes(envelope.State, envelope.StateType, _options)
            : SerializeToUtf8Bytes(grainState.State);

    /// <summary>The stored form of <paramref name="grainState"/> as a JSON string.</summary>
    public string SerializeState<T>(IGrainState<T> grainState) =>
        grainState.State is IProjectionEnvelope envelope
            ? JsonSerializer.Serialize(envelope.State, envelope.StateType, _options)
            : Serialize(grainState.State);

    /// <summary>Sets the state read from storage (null: no record, or a cleared one, gives a fresh state).</summary>
    public void SetState<T>(IGrainState<T> grainState, ReadOnlySpan<byte> utf8Json, bool hasPayload)
    {
        if (grainState.State is IProjectionEnvelope envelope)
        {
            if (hasPayload && JsonSerializer.Deserialize(utf8Json, envelope.StateType, _options) is { } state)
            {
                envelope.State = state;
            }
            else
            {
                envelope.Reset();
            }

            return;
        }

        grainState.State = hasPayload ? Deserialize<T>(utf8Json) : CreateInstance<T>();
    }

    /// <summary>Sets a fresh state (no stored record).</summary>
    public static void SetFresh<T>(IGrainState<T> grainState)
    {
        if (grainState.State is IProjectionEnvelope envelope)
        {
            envelope.Reset();
        }
        else
        {
            grainState.State = CreateInstance<T>();
        }
    }

    /// <summary>The projections that ride with this write (taken: a later write will not repeat them).</summary>
    public static IReadOnlyList<IStateProjection> TakeProjections<T>(IGrainState<T> grainState) => grainState switch
    {
        IProjectionSource source => source.TakeProjections(),
        { State: IProjectionEnvelope envelope } => envelope.TakeProjections(),
        _ => [],
    };
}
