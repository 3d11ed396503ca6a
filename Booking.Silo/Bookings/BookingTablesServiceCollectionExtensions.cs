using Booking.Grains.Projections;
using Booking.Grains.Queries;
using Booking.Silo.Bookings.Postgres;
using Booking.Silo.Bookings.Sqlite;
using Booking.Silo.Hosting;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Silo.Bookings;

/// <summary>Registers the <c>bookings</c> query table of the configured storage: its schema, its writer and its <see cref="IBookingQuery"/>.</summary>
public static class BookingTablesServiceCollectionExtensions
{
    /// <summary>
    /// Adds, for <paramref name="storage"/>'s provider, the migrations of the <c>bookings</c> table, the projection writer that
    /// fills it in the resource-day state's transaction, and the <see cref="IBookingQuery"/> that reads it (which the user-day
    /// grain needs to activate), and on PostgreSQL the <see cref="IBookingFences"/> that turns its overlap fences' refusals into
    /// booking refusals. For the memory provider, one <see cref="InMemoryBookingStore"/> plays both parts.
    /// </summary>
    public static IServiceCollection AddBookingTables(this IServiceCollection services, BookingStorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        services.TryAddSingleton<JsonGrainStateSerializer>(_ => new JsonGrainStateSerializer());
        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                foreach (var migration in PostgresBookingTables.Migrations)
                {
                    services.AddPostgresMigration(migration.Id, migration.Name, migration.Sql);
                }

                services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostgresProjectionWriter, PostgresBookingRowsWriter>());
                services.AddBookingQueries(storage);
                break;
            case StorageProvider.Sqlite:
                foreach (var migration in SqliteBookingTables.Migrations)
                {
                    services.AddSqliteMigration(migration.Id, migration.Name, migration.Sql);
                }

                services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteProjectionWriter, SqliteBookingRowsWriter>());
                services.TryAddSingleton<IBookingQuery>(sp => new SqliteBookingQuery(storage.ConnectionString, sp.GetRequiredService<JsonGrainStateSerializer>()));
                break;
            case StorageProvider.Memory:
                services.AddInMemoryBookingStore();
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider {storage.Provider}: use Sqlite, Postgres or Memory.");
        }

        return services;
    }

    /// <summary>
    /// Only the reading side of the PostgreSQL <c>bookings</c> table: the <see cref="IBookingQuery"/> over it and the
    /// <see cref="IBookingFences"/> that reads its refusals. For an API host in client mode, which hosts no grains and leaves
    /// the schema and the writes to the silos.
    /// </summary>
    public static IServiceCollection AddBookingQueries(this IServiceCollection services, BookingStorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider != StorageProvider.Postgres)
        {
            throw new InvalidOperationException($"The bookings table is read without a silo only on PostgreSQL, not {storage.Provider}.");
        }

        services.TryAddSingleton<JsonGrainStateSerializer>(_ => new JsonGrainStateSerializer());
        services.TryAddSingleton<IBookingQuery>(sp => new PostgresBookingQuery(storage.ConnectionString, sp.GetRequiredService<JsonGrainStateSerializer>()));
        services.TryAddSingleton<IBookingFences, PostgresBookingFences>();
        return services;
    }
}
