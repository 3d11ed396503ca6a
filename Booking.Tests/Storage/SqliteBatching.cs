using Booking.Silo.Storage.Sqlite;
using Booking.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Booking.Tests.Storage;

/// <summary>Makes a set of SQLite writes land in one transaction of the batched writer, deterministically.</summary>
internal static class SqliteBatching
{
    /// <summary>
    /// Holds the database's write lock from another connection so the writer stalls on its first batch, starts the writes
    /// (they queue up), then releases the lock: the queued writes are committed together in the next transaction.
    /// </summary>
    public static async Task<Task[]> QueueBehindHeldLockAsync(SqliteGrainStorage storage, string connectionString, Func<Task[]> start)
    {
        Task stalled;
        Task[] queued;
        await using (var holder = new SqliteConnection(connectionString))
        {
            await holder.OpenAsync();
            using var transaction = holder.BeginTransaction(deferred: false);
            var before = storage.Batches;
            stalled = storage.WriteStateAsync("blocker", GrainId.Create("Booking.Tests.IBlockerGrain", Guid.NewGuid().ToString("N")), new TestGrainState<CounterState>(new CounterState()));
            await Eventually.HoldsAsync(() => storage.Batches > before, "the writer is busy with the stalled write");
            queued = start();
            transaction.Rollback();
        }

        await stalled;
        return queued;
    }
}
