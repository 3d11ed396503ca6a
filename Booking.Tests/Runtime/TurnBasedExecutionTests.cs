using Booking.Runtime;
using Booking.Runtime.Testing;
using Booking.Tests.Runtime.TestGrains;

namespace Booking.Tests.Runtime;

public sealed class TurnBasedExecutionTests : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster = new InProcessTestClusterBuilder(2)
        .ConfigureSilo((options, _) => options.ResponseTimeout = TimeSpan.FromSeconds(2))
        .Build();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_thousand_concurrent_calls_into_one_grain_never_overlap()
    {
        var grain = _cluster.Client.GetGrain<IProbeGrain>(Guid.NewGuid().ToString());
        var silo = _cluster.Silos[0];
        var fromSilo = silo.GrainFactory.GetGrain<IProbeGrain>(grain.GetPrimaryKeyString());

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? grain.EnterAsync() : fromSilo.EnterAsync()));

        Assert.Equal(1000, results.Length);
        Assert.All(results, maxInside => Assert.Equal(1, maxInside));
    }

    [Fact]
    public async Task A_hot_grain_answers_every_call_of_many_callers_looping_on_it()
    {
        // Guards the scheduler's hand-off between its worker and producers: a lost wake-up shows as a timeout here.
        var silo = _cluster.Silos[0];
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(Guid.NewGuid().ToString());

        var callers = Enumerable.Range(0, 64).Select(async _ =>
        {
            for (var i = 0; i < 1500; i++)
            {
                Assert.Equal(1, await grain.EnterAsync());
            }
        });

        await Task.WhenAll(callers);
    }

    [Fact]
    public async Task Calls_to_different_grains_run_in_parallel()
    {
        // Each call completes only when all ten have entered: serialised execution would never get there.
        var name = Guid.NewGuid().ToString();
        var calls = Enumerable.Range(0, 10)
            .Select(i => _cluster.Client.GetGrain<IProbeGrain>($"{name}-{i}").RendezvousAsync(name, 10));

        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_non_reentrant_grain_does_not_let_a_second_request_in_while_the_first_awaits()
    {
        var name = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IProbeGrain>(name);

        // Both requests wait for each other inside the same grain: only interleaving could complete them.
        var first = grain.RendezvousAsync(name, 2);
        var second = grain.RendezvousAsync(name, 2);

        await Assert.ThrowsAsync<TimeoutException>(() => Task.WhenAll(first, second));

        // Release the stuck request so the silo can shut down promptly.
        _ = Rendezvous.ArriveAsync(name, 2);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_but_never_runs_two_turns_at_once()
    {
        var name = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IReentrantProbeGrain>(name);

        await Task.WhenAll(grain.RendezvousAsync(name, 2), grain.RendezvousAsync(name, 2)).WaitAsync(TimeSpan.FromSeconds(10));
        var maxInside = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.EnterAsync()));
        Assert.True(maxInside.Max() > 1, "requests should have interleaved while awaiting");
    }

    [Fact]
    public async Task A_call_cycle_between_non_reentrant_grains_ends_in_a_timeout_not_a_hang()
    {
        var a = _cluster.Client.GetGrain<IProbeGrain>("cycle-a-" + Guid.NewGuid());
        var b = "cycle-b-" + Guid.NewGuid();

        // A calls B, B calls back A, which is busy waiting for B: some link of the cycle must time out.
        await Assert.ThrowsAsync<TimeoutException>(() => a.CallOtherAsync(b).WaitAsync(TimeSpan.FromSeconds(20)));

        // Once the inner calls have timed out too, A takes requests again.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                Assert.Equal(1, await a.EnterAsync());
                break;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
