using Npgsql;

namespace Booking.Silo.Storage.Postgres;

/// <summary>A write waiting for (or taking part in) a group commit: its statements, its outcome and the caller's completion.</summary>
internal sealed class PostgresPendingWrite(GrainId grainId, string stateName, long? expectedVersion, List<NpgsqlBatchCommand> commands)
{
    // Callers continue on the thread pool, not on the writer loop that completes them.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _settled;
    private Exception? _failure;

    /// <summary>The version-checked state statement first, then the projection statements it guards.</summary>
    public List<NpgsqlBatchCommand> Commands => commands;

    public Task Completion => _completion.Task;

    public bool Owns(NpgsqlBatchCommand command)
    {
        foreach (var own in commands)
        {
            if (ReferenceEquals(own, command))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After the batch committed: the write succeeded if its state statement matched its row, else its version was stale.</summary>
    public void SettleCommitted()
    {
        _failure = commands[0].RecordsAffected == 1 ? null : StorageVersion.Conflict(grainId, stateName, expectedVersion);
        _settled = true;
    }

    /// <summary>The write failed with <paramref name="exception"/>, unless its outcome is already known.</summary>
    public void SettleFailed(Exception exception)
    {
        if (!_settled)
        {
            _failure = exception;
            _settled = true;
        }
    }

    /// <summary>Hands the settled outcome to the caller.</summary>
    public void Complete()
    {
        if (_failure is null && _settled)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(_failure ?? new InvalidOperationException("The write ended without an outcome."));
        }
    }
}
