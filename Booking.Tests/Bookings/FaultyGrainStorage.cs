using Orleans.Storage;

namespace Booking.Tests.Bookings;

/// <summary>A grain storage that fails every write while <see cref="Failing"/> is set (the database "down"), and counts writes.</summary>
internal sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private int _writes;

    public volatile bool Failing;

    public int Writes => Volatile.Read(ref _writes);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _writes);
        return Failing ? Task.FromException(new TimeoutException("Injected: the store did not answer.")) : inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
