namespace Booking.Runtime.Storage;

/// <summary>
/// A change to a query table that rides with a grain-state write (same transaction, same outcome).
/// Each storage provider turns it into statements through an <see cref="IProjectionWriter"/> registered for its type.
/// </summary>
public interface IStateProjection
{
}
