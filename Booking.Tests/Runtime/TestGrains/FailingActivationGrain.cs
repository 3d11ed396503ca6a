using Booking.Runtime;

namespace Booking.Tests.Runtime.TestGrains;

public sealed class FailingActivationGrain : Grain, IFailingActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        throw new ProbeException("activation refused for " + this.GetPrimaryKeyString());

    public Task<string> PingAsync() => Task.FromResult("pong");
}
