using SiloHost = Booking.Runtime.Hosting.Silo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Health;

/// <summary>Ready while the co-hosted silo is running (between start-up and shutdown).</summary>
internal sealed class SiloHealthCheck(SiloHost silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.IsAlive ? HealthCheckResult.Healthy($"Silo {silo.Name} is running.") : HealthCheckResult.Unhealthy($"Silo {silo.Name} is not running."));
}
