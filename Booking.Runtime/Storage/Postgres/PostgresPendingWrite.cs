using Npgsql;

namespace Booking.Runtime.Storage.Postgres;

/// <summary>A write waiting for (or taking part in) a group commit: its statements and the caller's completion.</summary>
internal sealed class PostgresPendingWrite(GrainId grainId, string stateName, long? expectedVersion, List<NpgsqlBatchCommand> commands)
{
    // Callers continue on the thread pool, not on the writer loop that completes them.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The version-checked state statement first, then the projection statements it guards.</summary>
    public List<NpgsqlBatchCommand> Commands => commands;

    public Task Completion => _completion.Task;

    /// <summary>Whether the state statement matched its row: false means the version check failed.</summary>
    public bool StateStatementSucceeded => commands[0].RecordsAffected == 1;

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

    public void Complete()
    {
        if (StateStatementSucceeded)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(StorageVersion.Conflict(grainId, stateName, expectedVersion));
        }
    }

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
