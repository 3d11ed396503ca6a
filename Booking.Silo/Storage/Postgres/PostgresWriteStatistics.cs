namespace Booking.Silo.Storage.Postgres;

/// <summary>Counters of the group-commit writer, so tests and benchmarks can see that batching happened.</summary>
internal sealed class PostgresWriteStatistics
{
    private long _batches;
    private long _writes;
    private int _largestBatch;
    private long _retries;

    /// <summary>Transactions committed or attempted, each carrying one or more writes.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Writes handed to those transactions.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>The most writes one transaction carried.</summary>
    public int LargestBatch => Volatile.Read(ref _largestBatch);

    /// <summary>Transactions run again after one write was failed alone, or after a deadlock.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public void RecordBatch(int size)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writes, size);
        var largest = Volatile.Read(ref _largestBatch);
        while (size > largest)
        {
            var seen = Interlocked.CompareExchange(ref _largestBatch, size, largest);
            if (seen == largest)
            {
                break;
            }

            largest = seen;
        }
    }

    public void RecordRetry() => Interlocked.Increment(ref _retries);
}
