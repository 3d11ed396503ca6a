using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Booking.Tests.Api;

/// <summary>
/// The real API (Booking.Web's Program) in memory over a given storage, with a first admin and settings of the test's
/// choosing. Each host has its own admin address, so hosts never share accounts even on one database.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-1";

    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="configure">Runs after the host's own set-up (logging providers, services, startup filters of a test's choosing).</param>
    public ApiHost(IReadOnlyDictionary<string, string?> settings, Action<IWebHostBuilder>? configure = null)
    {
        AdminEmail = $"admin-{Guid.NewGuid():N}@example.com";
        var all = new Dictionary<string, string?>(settings)
        {
            ["Booking:Admin:Email"] = AdminEmail,
            ["Booking:Admin:Password"] = AdminPassword,
        };
        all.TryAdd("Booking:RateLimiting:Auth:PermitLimit", "100000");

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders().AddDebug());
            configure?.Invoke(builder);
        });
    }

    public string AdminEmail { get; }

    public IServiceProvider Services => _factory.Services;

    public static ApiHost Postgres(string connectionString, IReadOnlyDictionary<string, string?>? extra = null, Action<IWebHostBuilder>? configure = null) =>
        new(With(extra, ("Booking:Storage:Provider", "Postgres"), ("Booking:Storage:ConnectionString", connectionString)), configure);

    public static ApiHost Sqlite(string path, IReadOnlyDictionary<string, string?>? extra = null) =>
        new(With(extra, ("Booking:Storage:Provider", "Sqlite"), ("Booking:Storage:ConnectionString", $"Data Source={path}")));

    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? extra, params (string Key, string? Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
