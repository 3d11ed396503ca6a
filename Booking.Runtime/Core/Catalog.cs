using System.Collections.Concurrent;
using Booking.Runtime.Hosting;

namespace Booking.Runtime.Core;

/// <summary>A silo's activation table: at most one activation per grain id on this silo.</summary>
internal sealed class Catalog(Silo silo)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private TaskCompletionSource? _emptied;

    public int Count => _activations.Count;

    public Task<T> InvokeAsync<T>(GrainId grainId, GrainMethod<T> method, object?[] arguments, DateTimeOffset deadline)
    {
        var request = new GrainCallRequest<T>(method, arguments, deadline);
        Enqueue(grainId, request);
        return request.Task;
    }

    public void Enqueue(GrainId grainId, GrainRequest request)
    {
        try
        {
            while (true)
            {
                var activation = _activations.GetOrAdd(grainId, static (id, s) => new ActivationData(s, id, s.Registry.GetClass(id.Type)), silo);
                if (activation.TryEnqueue(request))
                {
                    return;
                }

                // That activation has just ended; make room for a new one.
                Remove(activation);
            }
        }
        catch (Exception exception)
        {
            request.Fail(exception);
        }
    }

    public void Remove(ActivationData activation)
    {
        if (_activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation)) && _activations.IsEmpty)
        {
            Volatile.Read(ref _emptied)?.TrySetResult();
        }
    }

    public bool TryGet(GrainId grainId, out ActivationData? activation) => _activations.TryGetValue(grainId, out activation);

    public void CollectIdle(DateTimeOffset now, TimeSpan collectionAge)
    {
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdle(now, collectionAge))
            {
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "idle"));
            }
        }
    }

    public void DeactivateWhere(Func<GrainId, bool> predicate, DeactivationReason reason)
    {
        foreach (var activation in _activations.Values)
        {
            if (predicate(activation.GrainId))
            {
                activation.Deactivate(reason);
            }
        }
    }

    /// <summary>Deactivates everything and waits (bounded) until the table is empty.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, TimeSpan timeout)
    {
        var emptied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _emptied, emptied);
        DeactivateWhere(static _ => true, reason);
        if (_activations.IsEmpty)
        {
            return;
        }

        try
        {
            // A shutdown bound, not domain time: measured on the real clock so a test's frozen fake clock cannot hang shutdown.
            await emptied.Task.WaitAsync(timeout, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            silo.LogShutdownTimeout(_activations.Count);
        }
    }

    public void KillAll(Exception error)
    {
        foreach (var activation in _activations.Values)
        {
            activation.Kill(error);
        }

        _activations.Clear();
    }
}
