using Booking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Booking.Tests.Api;

/// <summary>One API host over a fresh PostgreSQL database for one test class; both go away after the class.</summary>
public class PostgresApiFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private ApiHost? _host;

    public ApiHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The host's database, for tests that read or write its tables behind the API's back.</summary>
    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Settings beyond the storage ones, for fixtures that need them.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Host set-up beyond settings (a logging provider, a startup filter), for fixtures that need it.</summary>
    protected virtual void ConfigureWebHost(IWebHostBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _host = ApiHost.Postgres(_database.ConnectionString, Settings, ConfigureWebHost);

        // Start the host (silo, schema, first admin) before the first test measures anything.
        using var client = _host.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
