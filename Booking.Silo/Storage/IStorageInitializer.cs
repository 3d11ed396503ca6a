namespace Booking.Silo.Storage;

/// <summary>
/// Creates or migrates a provider's schema. Every registered initializer runs when a silo starts, before it
/// takes any call; implementations are idempotent and versioned, and safe when several silos start at once.
/// </summary>
public interface IStorageInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
