using System.Diagnostics;
using Booking.Bench.Measurement;
using Orleans.Storage;

namespace Booking.Bench.Targets;

/// <summary>Times every state read and write of the grain storage it wraps (for the <c>--profile</c> breakdown).</summary>
internal sealed class TimedGrainStorage(IGrainStorage inner, StageProfile profile) : IGrainStorage, IAsyncDisposable
{
    public IGrainStorage Inner => inner;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    // Orleans' storage bridge calls the overloads with a token; the inner provider decides what the token means.
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken).ConfigureAwait(false);
        profile.Record($"state read ({stateName})", start);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken).ConfigureAwait(false);
        profile.Record($"state write ({stateName}), queue + commit", start);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (inner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
