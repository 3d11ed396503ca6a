namespace Booking.Grains.Persistence;

/// <summary>
/// What a storage provider sees as the grain state of an <see cref="IProjectedState{TState}"/>: the state itself, which
/// is what gets stored, and the projections queued for the next write. Providers that support projections recognise it.
/// </summary>
public interface IProjectionEnvelope
{
    /// <summary>The type of <see cref="State"/> (the grain's state type).</summary>
    Type StateType { get; }

    /// <summary>The grain's state.</summary>
    object? State { get; set; }

    /// <summary>Replaces <see cref="State"/> with a fresh state (no stored record).</summary>
    void Reset();

    /// <summary>Takes every queued projection (they belong to the write that takes them). Called synchronously when a write starts.</summary>
    IReadOnlyList<IStateProjection> TakeProjections();
}

/// <summary>The envelope of one <see cref="IProjectedState{TState}"/>.</summary>
public sealed class ProjectionEnvelope<TState> : IProjectionEnvelope
{
    private readonly List<IStateProjection> _pending = [];

    public ProjectionEnvelope()
    {
        State = FreshState<TState>.Create();
    }

    public TState State { get; set; }

    Type IProjectionEnvelope.StateType => typeof(TState);

    object? IProjectionEnvelope.State
    {
        get => State;
        set => State = (TState)value!;
    }

    public void Reset() => State = FreshState<TState>.Create();

    public IReadOnlyList<IStateProjection> TakeProjections()
    {
        if (_pending.Count == 0)
        {
            return [];
        }

        IStateProjection[] taken = [.. _pending];
        _pending.Clear();
        return taken;
    }

    internal void Queue(IReadOnlyList<IStateProjection> projections) => _pending.AddRange(projections);

    /// <summary>Drops <paramref name="projections"/> if no write has taken them (the write meant to carry them failed before it started).</summary>
    internal void Drop(IReadOnlyList<IStateProjection> projections)
    {
        foreach (var projection in projections)
        {
            _pending.Remove(projection);
        }
    }
}

/// <summary>
/// An <see cref="IGrainState{T}"/> that carries the projections of its next write itself (for callers of a storage
/// provider that are not grains: tests, benchmarks, tools). Grains use <see cref="IProjectedState{TState}"/>.
/// </summary>
public interface IProjectionSource
{
    /// <summary>Takes the projections of the write that is starting.</summary>
    IReadOnlyList<IStateProjection> TakeProjections();
}
