namespace Booking.Silo.Storage.Postgres;

/// <summary>Options of the PostgreSQL grain storage and reminder table.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>The Npgsql connection string. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The most state writes committed together in one transaction. 1 turns group commit off (one transaction per write).</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// How long a writer waits for more writes to fill a batch, and only while another batch is already committing
    /// (a write that arrives when the writers are idle is sent at once). <see cref="TimeSpan.Zero"/> never waits.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How many batches may be committing at the same time (each on its own connection).</summary>
    public int MaxConcurrentBatches { get; set; } = 2;
}
