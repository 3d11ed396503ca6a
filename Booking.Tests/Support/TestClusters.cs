using Booking.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Booking.Tests.Support;

/// <summary>Orleans <see cref="InProcessTestCluster"/>s whose silos are configured exactly as the hosts configure theirs (<c>UseBookingGrains</c>).</summary>
internal static class TestClusters
{
    /// <summary>
    /// A cluster of <paramref name="silos"/> silos over the storage of <paramref name="settings"/> (<c>Booking:Storage:*</c>).
    /// <paramref name="configure"/> runs before the booking configuration, so what it registers wins over its defaults;
    /// <paramref name="decorate"/> runs after it, to wrap or replace what it registered.
    /// </summary>
    public static InProcessTestCluster Build(
        int silos,
        IReadOnlyDictionary<string, string?> settings,
        TimeProvider? grainClock = null,
        Action<ISiloBuilder>? configure = null,
        Action<ISiloBuilder>? decorate = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(checked((short)silos));
        builder.ConfigureSilo((_, silo) =>
        {
            if (grainClock is not null)
            {
                UseGrainClock(silo.Services, grainClock);
            }

            configure?.Invoke(silo);
            silo.UseBookingGrains(configuration);
            decorate?.Invoke(silo);
        });
        return builder.Build();
    }

    /// <summary>Settings for the memory provider (grain state and reminders in memory; for tests that need no database).</summary>
    public static Dictionary<string, string?> Memory() => new() { ["Booking:Storage:Provider"] = "Memory" };

    /// <summary>Settings for PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string?> Postgres(string connectionString) => new()
    {
        ["Booking:Storage:Provider"] = "Postgres",
        ["Booking:Storage:ConnectionString"] = connectionString,
    };

    /// <summary>
    /// Grains read <paramref name="clock"/> (an unkeyed <see cref="TimeProvider"/>); Orleans' own areas (messaging,
    /// membership, reminders, activation collection) resolve keyed clocks and keep the real one, so a frozen test clock
    /// never stalls the runtime.
    /// </summary>
    public static void UseGrainClock(IServiceCollection services, TimeProvider clock)
    {
        services.AddSingleton(clock);
        services.AddKeyedSingleton(KeyedService.AnyKey, TimeProvider.System);
    }
}
