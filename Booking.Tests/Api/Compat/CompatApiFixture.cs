using Booking.Runtime;
using Booking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Booking.Tests.Api.Compat;

/// <summary>
/// The real API (Booking.Web's Program) over a fresh PostgreSQL database of its own, with a first admin; one per test
/// class, so the seed replays of different classes never see each other's rows.
/// </summary>
public class CompatApiFixture : IAsyncLifetime
{
    public const string AdminPassword = "admin-password-1";

    private PostgresDatabase? _database;
    private WebApplicationFactory<Program>? _factory;

    public string AdminEmail { get; } = $"admin-{Guid.NewGuid():N}@example.com";

    /// <summary>The engine's grains, for arranging what a seed's own routes cannot create.</summary>
    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Settings added to the host's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Booking:Storage:Provider"] = "Postgres",
            ["Booking:Storage:ConnectionString"] = _database.ConnectionString,
            ["Booking:Admin:Email"] = AdminEmail,
            ["Booking:Admin:Password"] = AdminPassword,
            ["Booking:RateLimiting:Auth:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders().AddDebug());
        });

        // Start the host (silo, schema, first admin) before the first test's clock starts.
        using var client = CreateClient();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
