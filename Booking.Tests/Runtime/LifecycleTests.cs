using Booking.Runtime.Testing;
using Booking.Tests.Infrastructure;
using Booking.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Tests.Runtime;

public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly InProcessTestCluster _cluster;

    public LifecycleTests()
    {
        _cluster = new InProcessTestClusterBuilder(1)
            .ConfigureSilo((options, services) =>
            {
                services.AddSingleton<TimeProvider>(_time);
                options.ResponseTimeout = TimeSpan.FromDays(1);
            })
            .Build();
    }

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_idle_activation_is_collected_after_the_collection_age_and_the_next_call_activates_anew()
    {
        var key = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IProbeGrain>(key);
        Assert.Equal(1, await grain.GetActivationNumberAsync());

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await grain.GetActivationNumberAsync());
        Assert.False(ProbeGrain.Deactivations.ContainsKey(key), "10 minutes is below the 15-minute default collection age");

        _time.Advance(TimeSpan.FromMinutes(17));
        await WaitForCollectionAsync(() => ProbeGrain.Deactivations.GetValueOrDefault(key) == 1);

        Assert.Equal(2, await grain.GetActivationNumberAsync());
    }

    [Fact]
    public async Task DelayDeactivation_keeps_an_idle_activation_past_the_collection_age()
    {
        var key = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IInterleavingProbeGrain>(key);
        await grain.KeepAliveAsync(TimeSpan.FromHours(1));

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await grain.GetActivationNumberAsync());

        _time.Advance(TimeSpan.FromMinutes(47));
        await WaitForCollectionAsync(() => InterleavingProbeGrain.Deactivations.GetValueOrDefault(key) == 1);
        Assert.Equal(2, await grain.GetActivationNumberAsync());
    }

    [Fact]
    public async Task DeactivateOnIdle_ends_the_activation_after_the_current_request()
    {
        var key = Guid.NewGuid().ToString();
        var grain = _cluster.Client.GetGrain<IProbeGrain>(key);

        await grain.DeactivateAsync();
        var next = await grain.GetActivationNumberAsync();

        Assert.Equal(2, next);
        Assert.Equal(1, ProbeGrain.Deactivations.GetValueOrDefault(key));
    }

    [Fact]
    public async Task A_grain_timer_ticks_on_the_fake_clock_as_a_turn_of_the_activation()
    {
        var grain = _cluster.Client.GetGrain<IProbeGrain>(Guid.NewGuid().ToString());
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await grain.GetTimerTicksAsync());

        for (var i = 0; i < 3; i++)
        {
            var before = await grain.GetTimerTicksAsync();
            _time.Advance(TimeSpan.FromSeconds(10));
            await WaitUntilAsync(async () => await grain.GetTimerTicksAsync() > before);
        }

        Assert.Equal(3, await grain.GetTimerTicksAsync());
    }

    /// <summary>
    /// The collector runs inside <see cref="FakeTimeProvider.Advance"/>; the last request's bookkeeping may finish a
    /// moment after its caller got the answer, so keep the clock moving (a minute per poll, as the real collector would
    /// keep ticking) until the collection is seen.
    /// </summary>
    private async Task WaitForCollectionAsync(Func<bool> collected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!collected())
        {
            Assert.True(DateTime.UtcNow < deadline, "not collected in 30 s");
            await Task.Delay(10);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 30 s");
            await Task.Delay(10);
        }
    }
}
