using Booking.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Silo.Health;

/// <summary>
/// Ready while this process's silo is active: it has finished starting, has not begun to stop, and the cluster's membership
/// (the table as this silo last read it, or gossip) lists it as <see cref="SiloStatus.Active"/>, so grains are placed on it
/// and clients may use its gateway.
/// </summary>
public sealed class SiloMembershipHealthCheck(SiloReadiness readiness, ISiloStatusOracle membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentStatus;
        return Task.FromResult(readiness.IsActive && status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"The silo {membership.SiloAddress} is active in the cluster.")
            : HealthCheckResult.Unhealthy($"The silo is {status} in the cluster's membership."));
    }
}
