using System.Diagnostics;
using Booking.Runtime.Testing;
using Booking.Tests.Runtime.TestGrains;

namespace Booking.Tests.Runtime;

/// <summary>Stopping a silo twice at once (the host stops it, its disposal stops it again) is one shutdown, not a hang.</summary>
public sealed class SiloShutdownTests
{
    [Fact]
    public async Task Two_concurrent_stops_both_end_once_the_activations_are_gone_not_at_the_deactivation_timeout()
    {
        var cluster = new InProcessTestClusterBuilder(1)
            .ConfigureSilo((options, _) => options.DeactivationTimeout = TimeSpan.FromMinutes(2))
            .Build();
        await cluster.DeployAsync();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => cluster.Client.GetGrain<IProbeGrain>($"stop-{Guid.NewGuid():N}").EnterAsync()));
        var silo = cluster.Silos[0];

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Task.Run(() => silo.StopAsync(CancellationToken.None)), Task.Run(() => silo.StopAsync(CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(0, silo.ActivationCount);
        Assert.False(silo.IsAlive);
    }
}
