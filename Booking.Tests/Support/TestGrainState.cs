using System.Diagnostics.CodeAnalysis;
using Booking.Grains.Persistence;

namespace Booking.Tests.Support;

/// <summary>Grain state for calling a storage provider directly, with the projections its next write carries.</summary>
public sealed class TestGrainState<T>(T state, string? eTag = null) : IGrainState<T>, IProjectionSource
{
    private IReadOnlyList<IStateProjection> _projections = [];

    [AllowNull]
    public T State { get; set; } = state;

    public string? ETag { get; set; } = eTag;

    public bool RecordExists { get; set; }

    public void SetProjections(IReadOnlyList<IStateProjection> projections) => _projections = projections;

    public IReadOnlyList<IStateProjection> TakeProjections()
    {
        var taken = _projections;
        _projections = [];
        return taken;
    }
}
