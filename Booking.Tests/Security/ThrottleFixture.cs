using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Booking.Tests.Security;

/// <summary>
/// A host whose credential routes allow 4 requests a minute per client address (<see cref="ClientAddressStartupFilter"/>)
/// and 5 failed sign-ins per email address, with every log entry captured down to Trace.
/// </summary>
public sealed class ThrottleFixture : PostgresApiFixture
{
    public const int PerClient = 4;
    public const int PerAccount = 5;

    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Booking:RateLimiting:Auth:PermitLimit"] = PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Booking:RateLimiting:Auth:Window"] = "00:01:00",
        ["Booking:Auth:SignIn:MaxFailures"] = PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Booking:Auth:SignIn:FailureWindow"] = "00:15:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    /// <summary>A client that comes from its own address (each gets the per-client allowance afresh).</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address);
        return client;
    }

    private int _clients;

    /// <summary>A client from an address no other client of this fixture uses.</summary>
    public HttpClient NewClient()
    {
        var n = Interlocked.Increment(ref _clients);
        return ClientFrom($"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
    }
}
