using Orleans.Core;

namespace Booking.Grains.Persistence;

/// <summary>
/// Persistent state whose writes may carry <see cref="IStateProjection"/>s: rows of query tables derived from the
/// change, committed in the same transaction as the state or not at all. Injected with <see cref="ProjectedStateAttribute"/>.
/// </summary>
public interface IProjectedState<TState> : IStorage<TState>
{
    /// <summary>
    /// Writes the state together with <paramref name="projections"/>: both commit or neither does. A stale version throws
    /// <see cref="Orleans.Storage.InconsistentStateException"/> and writes no projection.
    /// </summary>
    Task WriteStateAsync(IReadOnlyList<IStateProjection> projections);
}
