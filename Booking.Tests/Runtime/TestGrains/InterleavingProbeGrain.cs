using System.Collections.Concurrent;
using Booking.Runtime;

namespace Booking.Tests.Runtime.TestGrains;

public sealed class InterleavingProbeGrain : Grain, IInterleavingProbeGrain
{
    public static readonly ConcurrentDictionary<string, int> Activations = new();
    public static readonly ConcurrentDictionary<string, int> Deactivations = new();

    private int _activationNumber;

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

    public Task WaitAsync(string name, int count) => Rendezvous.ArriveAsync(name, count);

    public Task ArriveInterleavedAsync(string name, int count) => Rendezvous.ArriveAsync(name, count);

    public Task ReadAsync(string name, int count) => Rendezvous.ArriveAsync(name, count);

    public Task KeepAliveAsync(TimeSpan duration)
    {
        DelayDeactivation(duration);
        return Task.CompletedTask;
    }

    public Task<int> GetActivationNumberAsync() => Task.FromResult(_activationNumber);
}
