using Booking.Silo.Storage.Postgres;
using Booking.Tests.Support;

namespace Booking.Tests.Storage;

/// <summary>Makes a set of writes land in one group-commit batch, deterministically.</summary>
internal static class PostgresBatching
{
    /// <summary>
    /// Stalls the storage's only writer on a locked row, starts the writes (they queue up), then releases the lock:
    /// the queued writes are committed together in the next batch. Returns their tasks. Needs MaxConcurrentBatches = 1.
    /// </summary>
    public static async Task<Task[]> QueueBehindStalledBatchAsync(PostgresGrainStorage storage, string connectionString, Func<Task[]> start)
    {
        var blocker = GrainId.Create("Booking.Tests.IBlockerGrain", Guid.NewGuid().ToString("N"));
        var blockerState = new TestGrainState<CounterState>(new CounterState());
        await storage.WriteStateAsync("blocker", blocker, blockerState);

        Task stalled;
        Task[] queued;
        await using (await PostgresRowLock.AcquireAsync(connectionString, blocker, "blocker"))
        {
            var before = storage.Statistics.Batches;
            stalled = storage.WriteStateAsync("blocker", blocker, blockerState);
            await Eventually.HoldsAsync(() => storage.Statistics.Batches > before, "the writer is busy with the stalled write");
            queued = start();
        }

        await stalled;
        return queued;
    }

    /// <summary>The exception a write ended with, or null.</summary>
    public static async Task<Exception?> OutcomeAsync(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
