using Booking.Silo.Reminders;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Tests.Storage;

public sealed class SqliteGrainStorageConformanceTests : GrainStorageConformanceTests, IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;
    private SqliteReminderTable _reminders = null!;

    protected override IGrainStorage Storage => _storage;

    protected override IReminderTable Reminders => _reminders;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _storage = new SqliteGrainStorage(
            _database.Options(), new JsonGrainStateSerializer(), [], TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);
        _reminders = new SqliteReminderTable(_database.Options());
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _database.DisposeAsync();
    }
}
