namespace Booking.Silo.Storage.Sqlite;

/// <summary>Options of the SQLite grain storage and reminder table.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=booking.db</c>. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The most state writes committed together in one transaction (each in its own savepoint). 1 commits every write on its own.
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>How long a statement waits for another process's lock on the database file before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
