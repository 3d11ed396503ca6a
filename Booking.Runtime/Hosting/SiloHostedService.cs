using Microsoft.Extensions.Hosting;

namespace Booking.Runtime.Hosting;

/// <summary>Starts and stops the co-hosted silo with the host.</summary>
internal sealed class SiloHostedService(Silo silo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => silo.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
}
