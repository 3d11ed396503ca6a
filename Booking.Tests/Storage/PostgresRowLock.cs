using Npgsql;
using NpgsqlTypes;

namespace Booking.Tests.Storage;

/// <summary>
/// Holds a row lock on one grain's state from a separate session, so that a batch writing that grain stalls until the lock
/// is released; writes queued meanwhile are then all committed together in the next batch.
/// </summary>
internal sealed class PostgresRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgresRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresRowLock> AcquireAsync(string connectionString, GrainId grainId, string stateName)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 1 FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type.ToString()!, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key.ToString()!, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName, NpgsqlDbType = NpgsqlDbType.Text });
        if (await command.ExecuteScalarAsync() is null)
        {
            throw new InvalidOperationException("The row to lock does not exist.");
        }

        return new PostgresRowLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
