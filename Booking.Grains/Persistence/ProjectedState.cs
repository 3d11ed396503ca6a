using Orleans.Core;
using Orleans.Storage;

namespace Booking.Grains.Persistence;

/// <summary>
/// <see cref="IProjectedState{TState}"/> on Orleans' own <see cref="StateStorageBridge{TState}"/> (its queueing, ETags,
/// instruments and error handling), over a <see cref="ProjectionEnvelope{TState}"/>. Loaded in the SetupState stage like
/// <c>[PersistentState]</c>. Projections travel in the envelope, not in an ambient context, so that writes Orleans merges
/// carry the projections of every caller.
/// </summary>
internal sealed class ProjectedState<TState> : IProjectedState<TState>, ILifecycleObserver
{
    private readonly StateStorageBridge<ProjectionEnvelope<TState>> _bridge;

    public ProjectedState(string stateName, IGrainContext context, IGrainStorage storage)
    {
        _bridge = new StateStorageBridge<ProjectionEnvelope<TState>>(stateName, context, storage);
        context.ObservableLifecycle.Subscribe($"{nameof(ProjectedState<TState>)}.{stateName}", GrainLifecycleStage.SetupState, this);
    }

    public TState State
    {
        get => _bridge.State.State;
        set => _bridge.State.State = value;
    }

    public string? Etag => _bridge.Etag;

    public bool RecordExists => _bridge.RecordExists;

    public Task ReadStateAsync() => _bridge.ReadStateAsync();

    public Task WriteStateAsync() => _bridge.WriteStateAsync();

    public async Task WriteStateAsync(IReadOnlyList<IStateProjection> projections)
    {
        ArgumentNullException.ThrowIfNull(projections);
        var envelope = _bridge.State;
        envelope.Queue(projections);
        try
        {
            await _bridge.WriteStateAsync();
        }
        catch
        {
            envelope.Drop(projections);
            throw;
        }
    }

    public Task ClearStateAsync() => _bridge.ClearStateAsync();

    Task ILifecycleObserver.OnStart(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.CompletedTask : _bridge.ReadStateAsync();

    Task ILifecycleObserver.OnStop(CancellationToken cancellationToken) => Task.CompletedTask;
}
