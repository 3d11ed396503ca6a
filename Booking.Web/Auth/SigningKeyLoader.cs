using Booking.Web.Cluster;

namespace Booking.Web.Auth;

/// <summary>Loads the signing key once grains can be called (after the co-hosted silo's start, or the client's connection) and before requests are served.</summary>
internal sealed class SigningKeyLoader(SigningKeyProvider keys, ClusterStartup cluster) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await cluster.WhenGrainsReachableAsync(cancellationToken);
        await keys.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
