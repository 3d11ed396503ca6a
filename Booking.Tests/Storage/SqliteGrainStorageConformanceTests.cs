using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Booking.Tests.Storage;

public sealed class SqliteGrainStorageConformanceTests : GrainStorageConformanceTests, IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;

    protected override IGrainStorage Storage => _storage;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _storage = new SqliteGrainStorage(
            _database.Options(), new JsonGrainStateSerializer(), [], TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _database.DisposeAsync();
    }
}
