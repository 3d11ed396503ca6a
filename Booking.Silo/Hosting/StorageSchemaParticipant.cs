using Booking.Silo.Storage;

namespace Booking.Silo.Hosting;

/// <summary>
/// Runs every <see cref="IStorageInitializer"/> (versioned, idempotent migrations under the database's lock) before the
/// silo's runtime starts: membership, reminders and grain storage all find their tables in place.
/// </summary>
internal sealed class StorageSchemaParticipant(IEnumerable<IStorageInitializer> initializers) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageSchemaParticipant), ServiceLifecycleStage.RuntimeInitialize - 1, InitializeAsync);

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var initializer in initializers)
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
