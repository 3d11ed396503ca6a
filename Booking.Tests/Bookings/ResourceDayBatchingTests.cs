using Booking.Grains.Interfaces.Model;
using Booking.Silo.Hosting;
using Booking.Silo.Storage;
using Booking.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Bookings;

/// <summary>
/// The resource-day grain decides requests while its write is in flight and commits the changes decided meanwhile
/// together (group commit inside the grain). Proven on PostgreSQL through the real cluster: capacity holds under a
/// burst, bookings share writes, and a failing write fails exactly its callers and leaves nothing half-written.
/// </summary>
public sealed class ResourceDayBatchingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BookingsHost? _host;
    private FaultyGrainStorage? _storage;

    private BookingsHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _host = await BookingsHost.StartAsync(
        new BookingStorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString },
        new FakeTimeProvider(),
        silos: 1,
        services =>
        {
            // The resource-day grain's provider, wrapped: every write goes through it, and a test can make it fail.
            var registration = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, GrainStorageNames.Projected));
            var create = registration.KeyedImplementationFactory!;
            services.Remove(registration);
            services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Projected, (sp, key) => _storage = new FaultyGrainStorage((IGrainStorage)create(sp, key)));
        });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_burst_on_a_twenty_chair_hour_confirms_exactly_twenty_in_fewer_writes_than_bookings()
    {
        var salon = await Host.CreateAsync(Salon(capacity: 20));
        var day = Host.Day(salon.Id, Tuesday);
        await day.GetBookingsAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => day.BookAsync(Request(salon, NewId($"burst{i}"), "09:00", 60))));

        var confirmed = outcomes.Where(o => o.IsSuccess).Select(o => o.Booking!.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(20, confirmed.Count);
        Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.Equal(BookingErrorCodes.SlotUnavailable, o.Error!.Code));
        Assert.Equal(confirmed, await ConfirmedRowsAsync(salon.Id));
        Assert.Equal(confirmed, (await day.GetBookingsAsync()).Select(b => b.Id).Order(StringComparer.Ordinal));

        // Each write of the day bumps its version once: fewer versions than bookings means writes carried several.
        var version = await StateVersionAsync(salon.Id);
        Assert.True(version < 20, $"20 bookings took {version} writes of the resource-day state");
    }

    [Fact]
    public async Task A_failing_write_fails_exactly_its_callers_writes_nothing_and_the_day_then_books_again()
    {
        var salon = await Host.CreateAsync(Salon(capacity: 20));
        var day = Host.Day(salon.Id, Tuesday);
        var first = await Host.BookAsync(Request(salon, NewId("before"), "08:00", 60));

        _storage!.Failing = true;
        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => CaptureAsync(day.BookAsync(Request(salon, NewId($"down{i}"), "09:00", 60)))));
        _storage.Failing = false;

        // No answer claims a booking the store does not have: every caller of the failed writes got the failure.
        Assert.All(attempts, a => Assert.True(a.Outcome is null && a.Failure is not null, $"expected a failure, got {a.Outcome?.Booking?.Id ?? a.Outcome?.Error?.Code}"));
        Assert.Equal([first.Id], await ConfirmedRowsAsync(salon.Id));

        var after = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => day.BookAsync(Request(salon, NewId($"up{i}"), "09:00", 60))));
        Assert.All(after, o => Assert.True(o.IsSuccess, o.Error?.Message));
        Assert.Equal(after.Select(o => o.Booking!.Id).Append(first.Id).Order(StringComparer.Ordinal), await ConfirmedRowsAsync(salon.Id));
        Assert.Equal(11, (await day.GetBookingsAsync()).Count);
    }

    private static async Task<(BookingOutcome? Outcome, Exception? Failure)> CaptureAsync(Task<BookingOutcome> call)
    {
        try
        {
            return (await call, null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private async Task<List<string>> ConfirmedRowsAsync(string resourceId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT id FROM bookings WHERE resource_id = $1 AND status = 'confirmed' ORDER BY id COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = resourceId });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<long> StateVersionAsync(string resourceId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT version FROM grain_state WHERE grain_type = 'resource-day' AND grain_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{resourceId}/{Tuesday:yyyy-MM-dd}" });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
