using Booking.Runtime.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Runtime.Hosting;

/// <summary>Registers a silo in a host (Orleans' <c>UseOrleans</c>).</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo, its <see cref="IGrainFactory"/> and a hosted service that starts it with the host.
    /// Register storage providers and reminder tables separately; hosted services added after this one start after the silo.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<SiloOptions>? configure = null)
    {
        var options = new SiloOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterMembership>();
        services.AddSingleton(options);
        services.AddSingleton(sp => new Silo(sp, options, sp.GetRequiredService<ClusterMembership>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<Silo>().GrainFactory);
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
