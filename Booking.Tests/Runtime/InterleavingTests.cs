using Booking.Runtime.Testing;
using Booking.Tests.Runtime.TestGrains;

namespace Booking.Tests.Runtime;

public sealed class InterleavingTests : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster = new InProcessTestClusterBuilder(1)
        .ConfigureSilo((options, _) => options.ResponseTimeout = TimeSpan.FromSeconds(2))
        .Build();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_AlwaysInterleave_method_runs_while_a_normal_request_awaits()
    {
        var name = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IInterleavingProbeGrain>(name);

        var waiting = grain.WaitAsync(name, 2);
        await grain.ArriveInterleavedAsync(name, 2);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ReadOnly_requests_interleave_with_each_other()
    {
        var name = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IInterleavingProbeGrain>(name);

        await Task.WhenAll(grain.ReadAsync(name, 2), grain.ReadAsync(name, 2)).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_ReadOnly_request_does_not_interleave_with_a_writer()
    {
        var name = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IInterleavingProbeGrain>(name);

        var writer = grain.WaitAsync(name, 2);
        var reader = grain.ReadAsync(name, 2);

        await Assert.ThrowsAsync<TimeoutException>(() => Task.WhenAll(writer, reader));
        _ = Rendezvous.ArriveAsync(name, 2);
    }
}
