using System.Collections.Concurrent;
using Booking.Runtime;

namespace Booking.Tests.Runtime.TestGrains;

public sealed class ProbeGrain : Grain, IProbeGrain
{
    /// <summary>Activation events per grain key, observable by tests.</summary>
    public static readonly ConcurrentDictionary<string, int> Activations = new();
    public static readonly ConcurrentDictionary<string, int> Deactivations = new();

    private int _inside;
    private int _maxInside;
    private int _activationNumber;
    private int _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activationNumber = Activations.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Deactivations.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async Task<int> EnterAsync()
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        // Each await hands the scheduler back; an admitted second request would get in here.
        await Task.Yield();
        await Task.Yield();
        await Task.Yield();
        _inside--;
        return _maxInside;
    }

    public Task RendezvousAsync(string name, int count) => Rendezvous.ArriveAsync(name, count);

    public Task<string> CallOtherAsync(string otherKey) =>
        GrainFactory.GetGrain<IProbeGrain>(otherKey).CallOtherAsync(this.GetPrimaryKeyString());

    public Task ThrowAsync(string message) => ThrowLaterAsync(message);

    public Task ThrowSynchronously(string message) => throw new ProbeException(message);

    public Task<int> GetActivationNumberAsync() => Task.FromResult(_activationNumber);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<int> GetTimerTicksAsync() => Task.FromResult(_ticks);

    public Task StartTimerAsync(TimeSpan period)
    {
        RegisterGrainTimer(_ =>
        {
            _ticks++;
            return Task.CompletedTask;
        }, period, period);
        return Task.CompletedTask;
    }

    private static async Task ThrowLaterAsync(string message)
    {
        await Task.Yield();
        throw new ProbeException(message);
    }
}
