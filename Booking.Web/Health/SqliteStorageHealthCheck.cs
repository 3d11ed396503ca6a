using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Health;

/// <summary>Ready when the SQLite database file exists and can be queried; opening never creates a missing file.</summary>
internal sealed class SqliteStorageHealthCheck(string connectionString) : IHealthCheck
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString)
    {
        Mode = SqliteOpenMode.ReadWrite,
        DefaultTimeout = 5,
    }.ToString();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("SQLite answers.");
        }
        catch (SqliteException exception)
        {
            return HealthCheckResult.Unhealthy("The SQLite database cannot be queried.", exception);
        }
    }
}
