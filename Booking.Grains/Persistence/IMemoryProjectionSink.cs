namespace Booking.Grains.Persistence;

/// <summary>
/// Optional receiver of projections for the memory provider (register one in DI to see them in tests; without one,
/// projections are ignored). Called under the provider's write lock, after the version check passed and before the state
/// is stored: throwing fails the write and stores nothing, as a failing projection statement would in a database.
/// </summary>
public interface IMemoryProjectionSink
{
    /// <summary>Applies the projections of one successful write.</summary>
    void Apply(GrainId grainId, string stateName, IReadOnlyList<IStateProjection> projections);
}
