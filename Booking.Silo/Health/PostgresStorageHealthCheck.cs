using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Booking.Silo.Health;

/// <summary>Ready when the PostgreSQL grain storage answers a query; uses a small data source of its own, not the storage's.</summary>
public sealed class PostgresStorageHealthCheck : IHealthCheck, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresStorageHealthCheck(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Timeout = 5;
        builder.ConnectionStringBuilder.CommandTimeout = 5;
        builder.ConnectionStringBuilder.MaxPoolSize = 2;
        _dataSource = builder.Build();
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", exception);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
