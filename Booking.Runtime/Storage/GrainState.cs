namespace Booking.Runtime.Storage;

/// <summary>Default <see cref="IGrainState{T}"/>.</summary>
public sealed class GrainState<T> : IGrainState<T>
{
    private readonly List<IStateProjection> _projections = [];

    public GrainState(T state, string? eTag = null)
    {
        State = state;
        ETag = eTag;
    }

    public T State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public IReadOnlyList<IStateProjection> Projections => _projections;

    internal void SetProjections(IReadOnlyList<IStateProjection> projections)
    {
        _projections.Clear();
        _projections.AddRange(projections);
    }

    internal void ClearProjections() => _projections.Clear();
}
