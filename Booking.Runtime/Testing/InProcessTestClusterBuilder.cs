using Booking.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Runtime.Testing;

/// <summary>Builds an <see cref="InProcessTestCluster"/> (Orleans' <c>InProcessTestClusterBuilder</c>).</summary>
public sealed class InProcessTestClusterBuilder(int initialSilosCount = 2)
{
    private readonly List<Action<SiloOptions, IServiceCollection>> _configure = [];

    /// <summary>Configures every silo: its options and its services (storage, time provider, domain services).</summary>
    public InProcessTestClusterBuilder ConfigureSilo(Action<SiloOptions, IServiceCollection> configure)
    {
        _configure.Add(configure);
        return this;
    }

    public InProcessTestCluster Build() => new(initialSilosCount, [.. _configure]);
}
