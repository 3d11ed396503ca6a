using Booking.Grains.Queries;
using Booking.Runtime.Hosting;
using Booking.Silo.Storage;
using Booking.Silo.Bookings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Silo.Hosting;

/// <summary>Wires the runtime, the configured storage and the booking grains into a host.</summary>
public static class BookingSiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo with the grains of Booking.Grains (and their interfaces from Booking.Grains.Interfaces), the storage named by <c>Booking:Storage</c> as default grain storage
    /// and reminder table, and its schema migration at start-up.
    /// </summary>
    public static IServiceCollection AddBookingSilo(this IServiceCollection services, IConfiguration configuration, Action<SiloOptions>? configureSilo = null)
    {
        var storage = configuration.GetSection(BookingStorageOptions.SectionName).Get<BookingStorageOptions>() ?? new BookingStorageOptions();
        services.AddSingleton(storage);
        services.AddGrainRuntime(options =>
        {
            options.GrainAssemblies.Add(Booking.Grains.GrainsAssembly.Assembly);
            options.GrainAssemblies.Add(Booking.Grains.Interfaces.GrainInterfacesAssembly.Assembly);
            configureSilo?.Invoke(options);
        });
        services.AddBookingStorage(storage);
        return services;
    }

    /// <summary>
    /// Registers the default grain storage and reminder table for <paramref name="storage"/>, and the <c>bookings</c> query
    /// table on the same store (its migrations, its writer and the <see cref="Booking.Grains.Queries.IBookingQuery"/> over it).
    /// </summary>
    public static IServiceCollection AddBookingStorage(this IServiceCollection services, BookingStorageOptions storage)
    {
        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                services.AddPostgresGrainStorageAsDefault(o => o.ConnectionString = storage.ConnectionString);
                services.AddPostgresReminderTable(o => o.ConnectionString = storage.ConnectionString);
                break;
            case StorageProvider.Sqlite:
                services.AddSqliteGrainStorageAsDefault(o => o.ConnectionString = storage.ConnectionString);
                services.AddSqliteReminderTable(o => o.ConnectionString = storage.ConnectionString);
                break;
            case StorageProvider.Memory:
                services.AddInMemoryBookingStore();
                services.AddMemoryGrainStorageAsDefault();
                services.AddMemoryReminderTable();
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider {storage.Provider}: use Sqlite, Postgres or Memory.");
        }

        services.AddBookingTables(storage);
        return services;
    }
}
