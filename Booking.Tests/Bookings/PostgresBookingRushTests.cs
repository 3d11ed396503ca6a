using Booking.Grains.Interfaces.Model;
using Booking.Silo.Hosting;
using Booking.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Bookings;

/// <summary>Rushes on one resource-day through a two-silo cluster on PostgreSQL, audited with SQL on the bookings table.</summary>
public sealed class PostgresBookingRushTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BookingsHost? _host;

    private BookingsHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _host = await BookingsHost.StartAsync(
        new BookingStorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString }, new FakeTimeProvider());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_for_one_slot_leave_exactly_capacity_confirmed_rows()
    {
        var salon = await Host.CreateAsync(Salon(capacity: 3));
        var day = Host.Day(salon.Id, Tuesday);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => day.BookAsync(Request(salon, NewId($"rush{i}"), "09:00", 60))));

        var accepted = outcomes.Where(o => o.IsSuccess).Select(o => o.Booking!.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, accepted.Count);
        Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.Equal(BookingErrorCodes.SlotUnavailable, o.Error!.Code));
        var rows = await RowsAsync(salon.Id);
        Assert.Equal(accepted, rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal("confirmed", r.Status));
        Assert.Equal(accepted, (await day.GetBookingsAsync()).Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, await MostActiveRowsAtOneInstantAsync(salon.Id));
    }

    [Fact]
    public async Task A_staggered_rush_never_puts_more_rows_than_chairs_at_any_instant()
    {
        var salon = await Host.CreateAsync(Salon(capacity: 3));
        var day = Host.Day(salon.Id, Tuesday);
        var random = new Random(7);
        var requests = Enumerable.Range(0, 200)
            .Select(i => Request(salon, NewId($"stagger{i}"), $"{random.Next(8, 16):00}:{random.Next(2) * 30:00}", 30 * random.Next(1, 5)))
            .ToList();

        var outcomes = await Task.WhenAll(requests.Select(day.BookAsync));

        var accepted = outcomes.Where(o => o.IsSuccess).Select(o => o.Booking!.Id).Order(StringComparer.Ordinal).ToList();
        Assert.True(accepted.Count > 3, "the staggered requests should fill more than one slot");
        Assert.Equal(accepted, (await RowsAsync(salon.Id)).Select(r => r.Id));
        Assert.Equal(3, await MostActiveRowsAtOneInstantAsync(salon.Id));
    }

    [Fact]
    public async Task Two_hundred_requests_for_one_parking_place_leave_one_row()
    {
        var place = await Host.CreateAsync(ParkingSlot());
        var day = Host.Day(place.Id, Tuesday);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => day.BookAsync(PeriodRequest(place, NewId($"car{i}"), i % 2 == 0 ? "morning" : "day"))));

        var winner = Assert.Single(outcomes, o => o.IsSuccess).Booking!;
        var row = Assert.Single(await RowsAsync(place.Id));
        Assert.Equal((winner.Id, "confirmed"), (row.Id, row.Status));
    }

    private async Task<List<(string Id, string Status)>> RowsAsync(string resourceId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT id, status FROM bookings WHERE resource_id = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = resourceId, NpgsqlDbType = NpgsqlDbType.Text });
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>The most active rows of the resource that hold one instant (the busiest instant is always some row's start).</summary>
    private async Task<long> MostActiveRowsAtOneInstantAsync(string resourceId)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT coalesce(max(holding), 0) FROM (
                SELECT count(*) AS holding
                FROM bookings a
                JOIN bookings b ON b.resource_id = a.resource_id AND b.status IN ('pending', 'confirmed')
                    AND b.start_utc <= a.start_utc AND a.start_utc < b.end_utc
                WHERE a.resource_id = $1 AND a.status IN ('pending', 'confirmed')
                GROUP BY a.id) AS per_start
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = resourceId, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
