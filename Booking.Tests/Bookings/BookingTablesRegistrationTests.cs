using Booking.Grains.Persistence;
using Booking.Grains.Projections;
using Booking.Grains.Queries;
using Booking.Silo.Bookings.Postgres;
using Booking.Silo.Bookings.Sqlite;
using Booking.Silo.Hosting;
using Booking.Silo.Storage.Postgres;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Tests.Bookings;

public sealed class BookingTablesRegistrationTests
{
    [Fact]
    public async Task Postgres_storage_brings_the_bookings_migrations_writer_and_query()
    {
        await using var services = Build(StorageProvider.Postgres, "Host=127.0.0.1;Database=unused");

        Assert.IsType<PostgresBookingQuery>(services.GetRequiredService<IBookingQuery>());
        Assert.Equal(typeof(BookingRowsChanged), Assert.Single(services.GetServices<IPostgresProjectionWriter>()).ProjectionType);
        Assert.Equal([1000, 1001], services.GetServices<IPostgresMigration>().Select(m => m.Id));
    }

    [Fact]
    public async Task Sqlite_storage_brings_the_bookings_migration_writer_and_query()
    {
        await using var services = Build(StorageProvider.Sqlite, "Data Source=unused.db");

        Assert.IsType<SqliteBookingQuery>(services.GetRequiredService<IBookingQuery>());
        Assert.Equal(typeof(BookingRowsChanged), Assert.Single(services.GetServices<ISqliteProjectionWriter>()).ProjectionType);
        Assert.Equal([1000], services.GetServices<ISqliteMigration>().Select(m => m.Id));
    }

    [Fact]
    public async Task Memory_storage_uses_one_in_memory_store_as_query_and_projection_sink()
    {
        await using var services = Build(StorageProvider.Memory, "");

        var store = Assert.IsType<InMemoryBookingStore>(services.GetRequiredService<IBookingQuery>());
        Assert.Same(store, services.GetRequiredService<IMemoryProjectionSink>());
    }

    private static ServiceProvider Build(StorageProvider provider, string connectionString) =>
        new ServiceCollection()
            .AddBookingStorage(new BookingStorageOptions { Provider = provider, ConnectionString = connectionString })
            .BuildServiceProvider();
}
