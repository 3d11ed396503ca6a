namespace Booking.Grains.Persistence;

/// <summary>
/// A change to a query table that rides with a grain-state write (same transaction, same outcome).
/// Each storage provider turns it into statements through a projection writer registered for its type.
/// </summary>
public interface IStateProjection;
