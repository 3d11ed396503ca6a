using Booking.Runtime.Core;
using Booking.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Runtime.Testing;

/// <summary>
/// Several silos in one process sharing one membership. Calls between silos, and from <see cref="Client"/>, go
/// through serialization as they would over a network. Silos can be stopped, killed and added while calls run.
/// </summary>
public sealed class InProcessTestCluster : IAsyncDisposable
{
    private readonly int _initialSilosCount;
    private readonly IReadOnlyList<Action<SiloOptions, IServiceCollection>> _configure;
    private readonly ClusterMembership _membership = new();
    private readonly List<(Silo Silo, ServiceProvider Services)> _silos = [];
    private readonly Lock _lock = new();
    private IGrainFactory? _client;
    private int _siloCounter;

    internal InProcessTestCluster(int initialSilosCount, IReadOnlyList<Action<SiloOptions, IServiceCollection>> configure)
    {
        _initialSilosCount = initialSilosCount;
        _configure = configure;
    }

    /// <summary>An external client: its calls always cross the (simulated) wire.</summary>
    public IGrainFactory Client => _client ?? throw new InvalidOperationException("Call DeployAsync first.");

    /// <summary>The silos that are alive.</summary>
    public IReadOnlyList<Silo> Silos
    {
        get
        {
            lock (_lock)
            {
                return [.. _silos.Select(s => s.Silo).Where(s => s.IsAlive)];
            }
        }
    }

    /// <summary>The silo that currently owns <paramref name="grainId"/>.</summary>
    public Silo? GetOwner(GrainId grainId) => _membership.Locate(grainId);

    public async Task DeployAsync()
    {
        for (var i = 0; i < _initialSilosCount; i++)
        {
            await StartAdditionalSiloAsync().ConfigureAwait(false);
        }

        var first = _silos[0];
        _client = new GrainFactory(new GrainCallInvoker(
            _membership,
            localSilo: null,
            first.Services.GetRequiredService<TimeProvider>(),
            first.Silo.Options.ResponseTimeout));
    }

    public async Task<Silo> StartAdditionalSiloAsync()
    {
        var services = new ServiceCollection();
        var name = $"silo-{Interlocked.Increment(ref _siloCounter)}";
        SiloOptions? siloOptions = null;
        services.AddSingleton(_membership);
        services.AddGrainRuntime(options =>
        {
            options.SiloName = name;
            siloOptions = options;
        });
        foreach (var configure in _configure)
        {
            configure(siloOptions!, services);
        }

        var provider = services.BuildServiceProvider();
        var silo = provider.GetRequiredService<Silo>();
        await silo.StartAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_lock)
        {
            _silos.Add((silo, provider));
        }

        return silo;
    }

    /// <summary>Stops a silo gracefully; its grains come back on the others from storage.</summary>
    public async Task StopSiloAsync(Silo silo)
    {
        await silo.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await DisposeServicesAsync(silo).ConfigureAwait(false);
    }

    /// <summary>Kills a silo as a crash would; calls in flight there fail, its grains come back on the others from storage.</summary>
    public async Task KillSiloAsync(Silo silo)
    {
        await silo.KillAsync().ConfigureAwait(false);
        await DisposeServicesAsync(silo).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await StopSiloAsync(silo).ConfigureAwait(false);
        }
    }

    private async Task DisposeServicesAsync(Silo silo)
    {
        ServiceProvider? services;
        lock (_lock)
        {
            services = _silos.FirstOrDefault(s => ReferenceEquals(s.Silo, silo)).Services;
        }

        if (services is not null)
        {
            await services.DisposeAsync().ConfigureAwait(false);
        }
    }
}
