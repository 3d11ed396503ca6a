using System.Diagnostics;
using Booking.Bench.Measurement;
using Booking.Runtime;
using Booking.Silo.Storage;

namespace Booking.Bench.Targets;

/// <summary>Times every state read and write of the grain storage it wraps (for the <c>--profile</c> breakdown).</summary>
internal sealed class TimedGrainStorage(IGrainStorage inner, StageProfile profile) : IGrainStorage, IAsyncDisposable
{
    public IGrainStorage Inner => inner;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.ReadStateAsync(stateName, grainId, grainState).ConfigureAwait(false);
        profile.Record($"state read ({stateName})", start);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.WriteStateAsync(stateName, grainId, grainState).ConfigureAwait(false);
        profile.Record($"state write ({stateName}), queue + commit", start);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public async ValueTask DisposeAsync()
    {
        if (inner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
