using System.Globalization;
using System.Net;
using Booking.Tests.Reliability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Booking.Tests.Api;

/// <summary>
/// The real API (Booking.Web's Program) in memory over a given storage, with a first admin and settings of the test's
/// choosing. Each host has its own admin address, so hosts never share accounts even on one database. Demo data is off
/// unless the settings say otherwise; the settings may also replace (or, with null, remove) the admin.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-1";

    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="logs">A logging provider to add beside the debug one.</param>
    /// <param name="configure">Runs after the host's own set-up (services, startup filters, logging of a test's choosing).</param>
    public ApiHost(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null, Action<IWebHostBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>(settings);
        all.TryAdd("Booking:Admin:Email", $"admin-{Guid.NewGuid():N}@example.com");
        all.TryAdd("Booking:Admin:Password", AdminPassword);
        all.TryAdd("Booking:RateLimiting:Auth:PermitLimit", "100000");
        all.TryAdd("Booking:Demo:Enabled", "false");

        // Each host co-hosts a silo: its own silo port, and no gateway (nothing connects to it as an Orleans client).
        all.TryAdd("Booking:Cluster:SiloPort", ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture));
        all.TryAdd("Booking:Cluster:GatewayPort", "0");
        AdminEmail = all["Booking:Admin:Email"] ?? string.Empty;

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders().AddDebug();
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            });
            configure?.Invoke(builder);
        });
    }

    /// <summary>The configured first admin's address; empty when the settings removed it.</summary>
    public string AdminEmail { get; }

    public IServiceProvider Services => _factory.Services;

    public static ApiHost Postgres(string connectionString, IReadOnlyDictionary<string, string?>? extra = null, Action<IWebHostBuilder>? configure = null) =>
        new(With(extra, ("Booking:Storage:Provider", "Postgres"), ("Booking:Storage:ConnectionString", connectionString)), configure: configure);

    public static ApiHost Sqlite(string path, IReadOnlyDictionary<string, string?>? extra = null, ILoggerProvider? logs = null) =>
        new(With(extra, ("Booking:Storage:Provider", "Sqlite"), ("Booking:Storage:ConnectionString", $"Data Source={path}")), logs);

    /// <summary>
    /// Serves the app on a real Kestrel port of 127.0.0.1 (a browser cannot reach the in-memory test server) and returns
    /// its address. Call before anything else starts the host.
    /// </summary>
    public Uri StartKestrel()
    {
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

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
