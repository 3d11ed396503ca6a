using Booking.Runtime;
using Booking.Silo.Storage;
using Booking.Runtime.Testing;
using Booking.Tests.Infrastructure;
using Booking.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Tests.Runtime;

/// <summary>Runtime behaviour that involves storage, against a real PostgreSQL.</summary>
public sealed class PersistenceAndFailoverTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task State_is_loaded_before_OnActivateAsync_runs()
    {
        var key = Guid.NewGuid().ToString();
        await using (var first = await StartClusterAsync(1))
        {
            for (var i = 0; i < 5; i++)
            {
                await first.Client.GetGrain<IPersistentCounterGrain>(key).IncrementAsync();
            }
        }

        await using var second = await StartClusterAsync(1);
        Assert.Equal(5, await second.Client.GetGrain<IPersistentCounterGrain>(key).GetValueSeenOnActivateAsync());
    }

    [Fact]
    public async Task Of_two_activations_of_one_grain_only_one_write_commits_and_the_loser_reloads()
    {
        // Two clusters on one database give one grain two live activations, as a membership change across silos can.
        var key = Guid.NewGuid().ToString();
        await using var left = await StartClusterAsync(1);
        await using var right = await StartClusterAsync(1);
        var a = left.Client.GetGrain<IPersistentCounterGrain>(key);
        var b = right.Client.GetGrain<IPersistentCounterGrain>(key);
        Assert.Equal(0, await a.GetAsync());
        Assert.Equal(0, await b.GetAsync());

        Assert.Equal(1, await a.IncrementAsync());
        await Assert.ThrowsAsync<InconsistentStateException>(() => b.IncrementAsync());

        // The loser was deactivated: its next call reloads the winner's state and goes on from there.
        Assert.Equal(2, await b.IncrementAsync());
        await Assert.ThrowsAsync<InconsistentStateException>(() => a.IncrementAsync());
        Assert.Equal(3, await a.IncrementAsync());
    }

    [Fact]
    public async Task Two_activations_hammering_one_grain_lose_no_update()
    {
        var key = Guid.NewGuid().ToString();
        await using var left = await StartClusterAsync(1);
        await using var right = await StartClusterAsync(1);
        var references = new[] { left.Client.GetGrain<IPersistentCounterGrain>(key), right.Client.GetGrain<IPersistentCounterGrain>(key) };
        var committed = 0;
        var rejected = 0;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                await references[i % 2].IncrementAsync();
                Interlocked.Increment(ref committed);
            }
            catch (InconsistentStateException)
            {
                Interlocked.Increment(ref rejected);
            }
        }));

        await using var auditor = await StartClusterAsync(1);
        Assert.Equal(committed, await auditor.Client.GetGrain<IPersistentCounterGrain>(key).GetAsync());
        Assert.Equal(200, committed + rejected);
        Assert.True(rejected > 0, "the two activations should have collided at least once");
    }

    [Fact]
    public async Task Killing_one_of_three_silos_mid_load_moves_its_grains_with_their_state_and_no_call_hangs()
    {
        await using var cluster = await StartClusterAsync(3);
        var keys = Enumerable.Range(0, 60).Select(i => $"{Guid.NewGuid()}-{i}").ToArray();
        var acknowledged = new int[keys.Length];
        var failed = new int[keys.Length];
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await cluster.Client.GetGrain<IPersistentCounterGrain>(key).IncrementAsync();
            acknowledged[i] = 1;
        }

        var victim = cluster.Silos[1];
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(keys.Select(async (key, i) =>
        {
            var grain = cluster.Client.GetGrain<IPersistentCounterGrain>(key);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await grain.IncrementAsync();
                    Interlocked.Increment(ref acknowledged[i]);
                }
                catch (Exception exception) when (exception is SiloUnavailableException or InconsistentStateException or TimeoutException)
                {
                    Interlocked.Increment(ref failed[i]);
                }
            }
        }));

        await Task.Delay(300);
        Assert.True(victim.ActivationCount > 0, "the victim should hold some of the grains when it dies");
        await cluster.KillSiloAsync(victim);
        await Task.Delay(500);
        stop.Cancel();
        await load.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, cluster.Silos.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            var value = await cluster.Client.GetGrain<IPersistentCounterGrain>(keys[i]).GetAsync();

            // Every acknowledged increment is durable; a failed call may or may not have committed before the kill.
            Assert.InRange(value, acknowledged[i], acknowledged[i] + failed[i]);
        }
    }

    [Fact]
    public async Task A_reminder_registered_before_a_silo_restart_fires_after_it()
    {
        var time = new FakeTimeProvider();
        var key = Guid.NewGuid().ToString();
        await using (var before = await StartClusterAsync(1, time))
        {
            await before.Client.GetGrain<IReminderProbeGrain>(key).RegisterAsync(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        }

        var fired = ReminderProbeGrain.WhenFired(key);
        Assert.False(fired.IsCompleted);

        await using var after = await StartClusterAsync(1, time);
        // Exactly to the due time: jumping further would also expire the reminder call's own (fake-clock) timeout.
        time.Advance(TimeSpan.FromMinutes(5));

        var status = await fired.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMinutes(10), status.Period);
    }

    private async Task<InProcessTestCluster> StartClusterAsync(int silos, TimeProvider? time = null)
    {
        var cluster = new InProcessTestClusterBuilder(silos)
            .ConfigureSilo((options, services) =>
            {
                options.ResponseTimeout = TimeSpan.FromSeconds(10);
                if (time is not null)
                {
                    services.AddSingleton(time);
                }

                services.AddPostgresGrainStorageAsDefault(o => o.ConnectionString = database.ConnectionString);
                services.AddPostgresReminderTable(o => o.ConnectionString = database.ConnectionString);
            })
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
