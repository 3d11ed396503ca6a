using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

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

    protected override IGrainStorage Storage => _storage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
    }
}
