using Booking.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Health;

/// <summary>
/// Client mode: ready once the host has finished starting (the Orleans client reached the cluster and the start-up work ran)
/// and while a gateway of the cluster is connected.
/// </summary>
internal sealed class ClusterClientHealthCheck(ClusterClientState cluster, IHostApplicationLifetime lifetime, IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!cluster.IsConnected)
        {
            return HealthCheckResult.Unhealthy("No silo of the cluster reached yet.");
        }

        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Connected to the cluster; start-up work still running.");
        }

        if (cluster.ConnectedGateways > 0)
        {
            return HealthCheckResult.Healthy($"Connected to {cluster.ConnectedGateways} gateway(s) of the cluster.");
        }

        // The client opens gateway connections when it sends, so after losing its last one it may hold none while other
        // gateways are up; a call to the management grain (a stateless worker on whichever gateway answers) opens one, and
        // the answer is the readiness: an unready host would otherwise get no traffic and never reconnect.
        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(PingTimeout, cancellationToken);
            return HealthCheckResult.Healthy($"Reconnected to the cluster ({silos.Count} active silo(s)).");
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Connected to no gateway of the cluster.", exception);
        }
    }
}
