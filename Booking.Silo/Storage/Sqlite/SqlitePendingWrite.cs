using Microsoft.Data.Sqlite;

namespace Booking.Silo.Storage.Sqlite;

/// <summary>A write waiting for the SQLite writer: what to store, its projection commands and the caller's completion.</summary>
internal sealed class SqlitePendingWrite(
    GrainId grainId,
    string stateName,
    long? expectedVersion,
    string? payload,
    Guid writeId,
    DateTimeOffset updatedAt,
    List<SqliteCommand> projectionCommands)
{
    // Callers continue on the thread pool, not on the writer loop that completes them.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _outcome;

    public GrainId GrainId => grainId;

    public string StateName => stateName;

    public long? ExpectedVersion => expectedVersion;

    /// <summary>Null for a clear.</summary>
    public string? Payload => payload;

    public Guid WriteId => writeId;

    public DateTimeOffset UpdatedAt => updatedAt;

    public List<SqliteCommand> ProjectionCommands => projectionCommands;

    public Task Completion => _completion.Task;

    /// <summary>Records why this write alone failed; reported once the batch's transaction has ended.</summary>
    public void SetOutcome(Exception? failure) => _outcome = failure;

    public void SetStale() => _outcome = StorageVersion.Conflict(grainId, stateName, expectedVersion);

    /// <summary>Reports the recorded outcome; call only after the batch committed.</summary>
    public void Complete()
    {
        if (_outcome is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(_outcome);
        }

        DisposeCommands();
    }

    public void Fail(Exception exception)
    {
        _completion.TrySetException(exception);
        DisposeCommands();
    }

    private void DisposeCommands()
    {
        foreach (var command in projectionCommands)
        {
            command.Dispose();
        }
    }
}
