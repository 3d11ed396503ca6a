using Booking.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Health;

/// <summary>Ready while the co-hosted silo is active (from the end of its start-up until its shutdown begins).</summary>
internal sealed class SiloHealthCheck(SiloReadiness silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.IsActive ? HealthCheckResult.Healthy("The silo is active.") : HealthCheckResult.Unhealthy("The silo is not active."));
}
