using Booking.Runtime;
using Booking.Runtime.Testing;
using Booking.Tests.Infrastructure;
using Booking.Tests.Runtime.TestGrains;
using Booking.Silo.Storage;

namespace Booking.Tests.Runtime;

public sealed class PlacementTests
{
    [Fact]
    public async Task A_key_called_from_every_silo_and_the_client_has_exactly_one_activation()
    {
        await using var cluster = new InProcessTestClusterBuilder(3).Build();
        await cluster.DeployAsync();
        var keys = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var callers = cluster.Silos.Select(s => s.GrainFactory).Append(cluster.Client).ToArray();
        await Task.WhenAll(keys.SelectMany(key => callers.Select(f => f.GetGrain<IInterleavingProbeGrain>(key).GetActivationNumberAsync())));

        Assert.All(keys, key => Assert.Equal(1, InterleavingProbeGrain.Activations[key]));
        Assert.True(cluster.Silos.Count(s => s.ActivationCount > 0) >= 2, "30 keys should spread over more than one silo");
    }

    [Fact]
    public async Task A_gracefully_stopped_silo_hands_its_grains_over_with_their_state_and_a_new_silo_takes_a_share()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var cluster = new InProcessTestClusterBuilder(2)
            .ConfigureSilo((_, services) => services.AddPostgresGrainStorageAsDefault(o => o.ConnectionString = database.ConnectionString))
            .Build();
        await cluster.DeployAsync();
        var keys = Enumerable.Range(0, 40).Select(i => $"{Guid.NewGuid()}-{i}").ToArray();
        foreach (var key in keys)
        {
            await cluster.Client.GetGrain<IPersistentCounterGrain>(key).IncrementAsync();
        }

        await cluster.StopSiloAsync(cluster.Silos[0]);
        var added = await cluster.StartAdditionalSiloAsync();

        foreach (var key in keys)
        {
            Assert.Equal(2, await cluster.Client.GetGrain<IPersistentCounterGrain>(key).IncrementAsync());
        }

        Assert.True(added.ActivationCount > 0, "the new silo should own some of the keys");
        Assert.All(keys, key => Assert.NotNull(cluster.GetOwner(cluster.Client.GetGrain<IPersistentCounterGrain>(key).GetGrainId())));
    }
}
