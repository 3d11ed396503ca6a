using Npgsql;

namespace Booking.Bench.Targets;

/// <summary>
/// A throwaway PostgreSQL database for one target of one run, created from an admin connection string and dropped
/// (with its connections) on dispose, so every target starts empty and nothing is left behind.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private BenchDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>Connects to this database as the admin user.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates <c>booking_bench_{label}_{random}</c>; <paramref name="label"/> must be letters, digits and underscores.</summary>
    public static async Task<BenchDatabase> CreateAsync(string adminConnectionString, string label, int maxPoolSize, CancellationToken cancellationToken)
    {
        if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{label}' is not a plain identifier.", nameof(label));
        }

        var name = $"booking_bench_{label}_{Guid.NewGuid():N}"[..Math.Min(63, 14 + label.Length + 1 + 12)];
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE \"{name}\" TEMPLATE template0", cancellationToken).ConfigureAwait(false);
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = maxPoolSize };
        return new BenchDatabase(adminConnectionString, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
