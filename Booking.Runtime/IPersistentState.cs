using Booking.Runtime.Storage;

namespace Booking.Runtime;

/// <summary>Persistent state injected into a grain constructor with <see cref="PersistentStateAttribute"/>.</summary>
public interface IPersistentState<TState> : IStorage<TState>
{
    /// <summary>
    /// Writes the state together with <paramref name="projections"/> (rows of query tables derived from this change)
    /// in one transaction: both commit or neither does. Not in Orleans; the booking engine needs it for its bookings table.
    /// </summary>
    Task WriteStateAsync(IReadOnlyList<IStateProjection> projections);
}
