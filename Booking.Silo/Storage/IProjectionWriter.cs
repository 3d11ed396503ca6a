using Booking.Grains.Persistence;
namespace Booking.Silo.Storage;

/// <summary>
/// Marker for provider-specific writers of <see cref="IStateProjection"/> records. The PostgreSQL and SQLite
/// providers each define their own sub-interface that appends statements to the state write's transaction.
/// </summary>
public interface IProjectionWriter
{
    /// <summary>The projection record type this writer handles.</summary>
    Type ProjectionType { get; }
}
