using Booking.Runtime;
using Booking.Runtime.Testing;
using Booking.Tests.Runtime.TestGrains;

namespace Booking.Tests.Runtime;

public sealed class ErrorPropagationTests : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster = new InProcessTestClusterBuilder(2).Build();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_exception_reaches_the_caller_with_its_type_and_message_across_silos()
    {
        var grain = _cluster.Client.GetGrain<IProbeGrain>(Guid.NewGuid().ToString());

        var error = await Assert.ThrowsAsync<ProbeException>(() => grain.ThrowAsync("no seats left"));
        Assert.Equal("no seats left", error.Message);
    }

    [Fact]
    public async Task An_exception_reaches_a_caller_on_the_same_silo_unchanged()
    {
        var key = Guid.NewGuid().ToString();
        var owner = _cluster.GetOwner(_cluster.Client.GetGrain<IProbeGrain>(key).GetGrainId())!;
        var grain = owner.GrainFactory.GetGrain<IProbeGrain>(key);

        var error = await Assert.ThrowsAsync<ProbeException>(() => grain.ThrowAsync("local"));
        Assert.Equal("local", error.Message);
    }

    [Fact]
    public async Task A_synchronous_throw_surfaces_as_a_faulted_task()
    {
        var grain = _cluster.Client.GetGrain<IProbeGrain>(Guid.NewGuid().ToString());

        var task = grain.ThrowSynchronously("sync");

        var error = await Assert.ThrowsAsync<ProbeException>(() => task);
        Assert.Equal("sync", error.Message);
    }

    [Fact]
    public async Task An_exception_from_OnActivateAsync_fails_every_call_to_that_activation()
    {
        var key = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IFailingActivationGrain>(key);

        var calls = Enumerable.Range(0, 10).Select(_ => grain.PingAsync()).ToList();

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<ProbeException>(() => call);
            Assert.Equal("activation refused for " + key, error.Message);
        }
    }
}
