using Booking.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Tests.Storage;

/// <summary>A throwaway SQLite file with the runtime's schema, deleted (with its WAL files) on dispose.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"booking-storage-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    public SqliteStorageOptions Options(int maxBatchSize = 256) => new() { ConnectionString = ConnectionString, MaxBatchSize = maxBatchSize };

    public static async Task<SqliteTestDatabase> CreateAsync(params ISqliteMigration[] migrations)
    {
        var database = new SqliteTestDatabase();
        await database.CreateInitializer(migrations).InitializeAsync(CancellationToken.None);
        return database;
    }

    public SqliteStorageInitializer CreateInitializer(params ISqliteMigration[] migrations) =>
        new(Options(), migrations, TimeProvider.System, NullLogger<SqliteStorageInitializer>.Instance);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
