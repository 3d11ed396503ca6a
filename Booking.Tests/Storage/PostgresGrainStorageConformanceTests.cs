using Booking.Silo.Reminders;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Tests.Storage;

public sealed class PostgresGrainStorageConformanceTests(PostgresStorageFixture database)
    : GrainStorageConformanceTests, IClassFixture<PostgresStorageFixture>, IAsyncLifetime
{
    private readonly PostgresGrainStorage _storage = new(
        new PostgresStorageOptions { ConnectionString = database.ConnectionString },
        new JsonGrainStateSerializer(),
        [],
        TimeProvider.System,
        NullLogger<PostgresGrainStorage>.Instance);

    private readonly PostgresReminderTable _reminders = new(new PostgresStorageOptions { ConnectionString = database.ConnectionString });

    protected override IGrainStorage Storage => _storage;

    protected override IReminderTable Reminders => _reminders;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _reminders.DisposeAsync();
    }
}
