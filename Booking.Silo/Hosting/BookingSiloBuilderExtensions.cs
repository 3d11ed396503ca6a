using System.Net;
using Booking.Grains.Persistence;
using Booking.Silo.Bookings;
using Booking.Silo.Messages;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Booking.Silo.Hosting;

/// <summary>The one silo configuration: used by Booking.Silo's Program, by Booking.Web when it co-hosts a silo, and by the test clusters.</summary>
public static class BookingSiloBuilderExtensions
{
    /// <summary>Invariant name of Npgsql for Orleans' ADO.NET providers (no DbProviderFactories registration needed).</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// A complete silo: <see cref="UseBookingGrains"/> plus membership and endpoints from <c>Booking:Cluster</c>. SQLite and
    /// memory run one silo with localhost clustering; PostgreSQL keeps membership in its ADO.NET tables, so silos on one
    /// database form one cluster.
    /// </summary>
    public static ISiloBuilder UseBookingSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var storage = StorageOptions(configuration);
        var cluster = ClusterOptionsFrom(configuration);
        silo.UseBookingGrains(configuration);
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });

        var address = IPAddress.Parse(cluster.AdvertisedAddress);
        if (storage.Provider == StorageProvider.Postgres)
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = NpgsqlInvariant;
                options.ConnectionString = storage.ConnectionString;
            });
            silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(BookingClusterTuning.Membership);
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        return silo;
    }

    /// <summary>
    /// Everything of a silo except membership (which a test cluster brings itself): the grains, the storage named by
    /// <c>Booking:Storage</c> (grain state, reminders, the bookings table, their migrations before the runtime starts) and
    /// the runtime options below.
    /// </summary>
    public static ISiloBuilder UseBookingGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var storage = StorageOptions(configuration);
        var services = silo.Services;
        services.TryAddSingleton(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddProjectedState();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageSchemaParticipant>();
        services.TryAddSingleton<SiloReadiness>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloReadiness>());
        services.AddBookingStorage(storage);
        services.AddBookingMessages(storage, configuration);
        if (storage.GrainStorage == GrainStorageKind.AdoNet)
        {
            // The stock storage's default serializer (Newtonsoft JSON with $type) failed to read a state back here; the
            // project's providers write System.Text.Json too.
            silo.UseSystemTextJsonGrainStorageSerializer();
        }

        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                // After the migrations (initializers run in registration order): pending holds of a pre-Orleans database keep expiring.
                services.AddSingleton<IStorageInitializer>(sp => new PostgresLegacyReminderImport(
                    new PostgresStorageOptions { ConnectionString = storage.ConnectionString },
                    sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
                silo.UseAdoNetReminderService(options =>
                {
                    options.Invariant = NpgsqlInvariant;
                    options.ConnectionString = storage.ConnectionString;
                });
                break;
            case StorageProvider.Sqlite:
                silo.AddReminders();
                break;
            default:
                silo.UseInMemoryReminderService();
                break;
        }

        silo.Configure<SiloMessagingOptions>(options =>
        {
            // A call unanswered for this long fails, and the API answers 503 with Retry-After instead of hanging.
            options.ResponseTimeout = BookingClusterTuning.ResponseTimeout;
        });
        silo.Configure<GrainCollectionOptions>(options =>
        {
            // A resource-day is busy around its date and then idle for good: 15 minutes keeps the morning's grains warm
            // through a rush without keeping yesterday's in memory. The quantum is how often idle ones are looked for.
            options.CollectionAge = TimeSpan.FromMinutes(15);
            options.CollectionQuantum = TimeSpan.FromMinutes(1);

            // Deactivation writes nothing (every change is written before its answer), so a short limit suffices.
            options.DeactivationTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Configure<ExceptionSerializationOptions>(AllowBookingExceptions);
        return silo;
    }

    /// <summary>Domain refusals (account_exists, ...) and storage errors keep their type across silos and to clients (both ends need it).</summary>
    public static void AllowBookingExceptions(ExceptionSerializationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SupportedNamespacePrefixes.Add("Booking");
        options.SupportedNamespacePrefixes.Add("Npgsql");
    }

    /// <summary>
    /// Registers the default grain storage (and the projected-state provider), reminder table for SQLite, and the
    /// <c>bookings</c> query table on the same store (its migrations, its writer and the <see cref="Booking.Grains.Queries.IBookingQuery"/> over it).
    /// </summary>
    public static IServiceCollection AddBookingStorage(this IServiceCollection services, BookingStorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                services.AddPostgresGrainStorage(GrainStorageNames.Projected, o => o.ConnectionString = storage.ConnectionString);
                if (storage.GrainStorage == GrainStorageKind.AdoNet)
                {
                    services.AddAdoNetGrainStorage(GrainStorageNames.Default, options =>
                    {
                        options.Invariant = NpgsqlInvariant;
                        options.ConnectionString = storage.ConnectionString;
                    });
                }
                else
                {
                    services.AddGrainStorageAlias(GrainStorageNames.Default, GrainStorageNames.Projected);
                }

                break;
            case StorageProvider.Sqlite:
                services.AddSqliteGrainStorageAsDefault(o => o.ConnectionString = storage.ConnectionString);
                services.AddSqliteReminderTable(o => o.ConnectionString = storage.ConnectionString);
                break;
            case StorageProvider.Memory:
                services.AddInMemoryBookingStoreSink();
                services.AddMemoryGrainStorageAsDefault();
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider {storage.Provider}: use Sqlite, Postgres or Memory.");
        }

        services.AddBookingTables(storage);
        return services;
    }

    /// <summary>The <c>Booking:Storage</c> section (defaults: SQLite file <c>booking.db</c>).</summary>
    public static BookingStorageOptions StorageOptions(IConfiguration configuration) =>
        configuration.GetSection(BookingStorageOptions.SectionName).Get<BookingStorageOptions>() ?? new BookingStorageOptions();

    /// <summary>The <c>Booking:Cluster</c> section.</summary>
    public static BookingClusterOptions ClusterOptionsFrom(IConfiguration configuration) =>
        configuration.GetSection(BookingClusterOptions.SectionName).Get<BookingClusterOptions>() ?? new BookingClusterOptions();

    private static IServiceCollection AddInMemoryBookingStoreSink(this IServiceCollection services) =>
        Booking.Grains.Queries.BookingQueryServiceCollectionExtensions.AddInMemoryBookingStore(services);
}
