using Booking.Silo.Hosting;
using Booking.Tests.Infrastructure;

namespace Booking.Tests.Bookings;

public sealed class PostgresBookingsTableTests(PostgresDatabase database) : BookingsTableConformanceTests, IClassFixture<PostgresDatabase>
{
    protected override BookingStorageOptions Storage => new() { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString };

    protected override Task<StoredBookingRow?> ReadRowAsync(string bookingId) => PostgresBookingRows.ReadAsync(database.DataSource, bookingId);
}
