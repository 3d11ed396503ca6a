using Booking.Runtime.Storage;

namespace Booking.Runtime.Core;

/// <summary>
/// <see cref="IPersistentState{TState}"/> over a storage provider. A stale write throws
/// <see cref="InconsistentStateException"/> and deactivates the activation, so the next call reloads from storage.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IPersistentStateLoader
{
    private readonly string _stateName;
    private readonly IGrainStorage _storage;
    private readonly ActivationData _activation;
    private readonly GrainState<TState> _grainState;

    public PersistentState(string stateName, IGrainStorage storage, ActivationData activation)
    {
        _stateName = stateName;
        _storage = storage;
        _activation = activation;
        _grainState = new GrainState<TState>(Activator.CreateInstance<TState>());
        activation.AddState(this);
    }

    public TState State
    {
        get => _grainState.State;
        set => _grainState.State = value;
    }

    public string? Etag => _grainState.ETag;

    public bool RecordExists => _grainState.RecordExists;

    public Task ReadStateAsync() => _storage.ReadStateAsync(_stateName, _activation.GrainId, _grainState);

    public Task WriteStateAsync() => WriteStateAsync([]);

    public async Task WriteStateAsync(IReadOnlyList<IStateProjection> projections)
    {
        _grainState.SetProjections(projections);
        try
        {
            await _storage.WriteStateAsync(_stateName, _activation.GrainId, _grainState).ConfigureAwait(true);
        }
        catch (InconsistentStateException)
        {
            _activation.OnInconsistentState();
            throw;
        }
        finally
        {
            _grainState.ClearProjections();
        }
    }

    public async Task ClearStateAsync()
    {
        try
        {
            await _storage.ClearStateAsync(_stateName, _activation.GrainId, _grainState).ConfigureAwait(true);
        }
        catch (InconsistentStateException)
        {
            _activation.OnInconsistentState();
            throw;
        }
    }
}
