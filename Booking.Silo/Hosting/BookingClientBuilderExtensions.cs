using Booking.Grains.Messages;
using Booking.Silo.Bookings;
using Booking.Silo.Messages.Postgres;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Booking.Silo.Hosting;

/// <summary>The Orleans client of an API host in client mode (<c>Booking:Cluster:Role</c> = <c>Client</c>).</summary>
public static class BookingClientBuilderExtensions
{
    /// <summary>
    /// Connects to the cluster of Booking.Silo processes whose gateways the PostgreSQL membership table lists (same
    /// <c>Booking:Cluster</c> ids), keeps trying until one answers (<see cref="ClusterConnectionRetryFilter"/>), and tracks
    /// the connection in <see cref="ClusterClientState"/>. Hosts no grains. PostgreSQL storage is required.
    /// </summary>
    public static IClientBuilder UseBookingClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var storage = BookingSiloBuilderExtensions.StorageOptions(configuration);
        var cluster = BookingSiloBuilderExtensions.ClusterOptionsFrom(configuration);
        ClusterStorageRequirement.Ensure(storage, "Booking.Web in client mode (Booking:Cluster:Role=Client)");

        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = BookingSiloBuilderExtensions.NpgsqlInvariant;
            options.ConnectionString = storage.ConnectionString;
        });
        client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = BookingClusterTuning.GatewayListRefreshPeriod);
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = BookingClusterTuning.ResponseTimeout);
        client.Configure<ExceptionSerializationOptions>(BookingSiloBuilderExtensions.AllowBookingExceptions);

        var services = client.Services;
        services.TryAddSingleton(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectionRetryFilter>();
        services.TryAddSingleton<ClusterClientState>();
        services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ClusterClientState>());
        services.AddSingleton<ILifecycleParticipant<IClusterClientLifecycle>>(sp => sp.GetRequiredService<ClusterClientState>());

        // The API reads the bookings table directly (searches, exports, stats); the silos own its schema and its writes.
        services.AddBookingQueries(storage);

        // The admin mail listing reads the outbox table the same way; the silos record and deliver the messages.
        services.TryAddSingleton<JsonGrainStateSerializer>(_ => new JsonGrainStateSerializer());
        services.TryAddSingleton(sp => new PostgresMessageStore(
            new PostgresStorageOptions { ConnectionString = storage.ConnectionString }, sp.GetRequiredService<JsonGrainStateSerializer>()));
        services.TryAddSingleton<IMessageOutbox>(sp => sp.GetRequiredService<PostgresMessageStore>());
        return client;
    }
}
