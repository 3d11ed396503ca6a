using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Storage.Sqlite;

/// <summary>Opens connections to the storage database with the settings every writer relies on.</summary>
internal static class SqliteConnections
{
    public static string BuildConnectionString(SqliteStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException($"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} is required.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero, nameof(options.BusyTimeout));
        return new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public static async Task<SqliteConnection> OpenReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A connection that writes: WAL (readers never block the writer), FULL sync (a committed write survives power loss,
    /// which the API's "durable before the response" promise needs) and a busy timeout for other processes' locks.
    /// </summary>
    public static async Task<SqliteConnection> OpenWriteAsync(string connectionString, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        var connection = await OpenReadAsync(connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
