using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Booking.Web.Demo;

/// <summary>
/// Once the server listens, logs one short block a newcomer can act on: where the pages and the API documentation are,
/// and the demo accounts to sign in with (with their passwords on the start that created them).
/// </summary>
internal sealed class StartBanner(IHostApplicationLifetime lifetime, IServer server, DemoAccounts demo, ILogger<StartBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Log);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Log()
    {
        var pages = PagesAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        logger.LogInformation(
            "Booking engine started.{NewLine}  Pages:   {Pages}{NewLine}  Swagger: {Swagger}{NewLine}{DemoAccounts}",
            Environment.NewLine, pages, Environment.NewLine, pages is null ? null : pages + "swagger", Environment.NewLine, Describe(demo.All));
    }

    /// <summary>The first address, as a browser on this machine would open it (a wildcard host becomes localhost).</summary>
    internal static string? PagesAddress(ICollection<string> addresses)
    {
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        foreach (var wildcard in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
        {
            address = address.Replace(wildcard, "://localhost:", StringComparison.Ordinal);
        }

        return address.TrimEnd('/') + "/";
    }

    internal static string Describe(IReadOnlyList<DemoAccount> accounts)
    {
        if (accounts.Count == 0)
        {
            return "  No demo data (Booking__Demo__Enabled is off, or the database already held other data).";
        }

        var text = new StringBuilder("  Demo accounts (sign in on the pages):");
        var emailWidth = accounts.Max(a => a.Email.Length);
        foreach (var account in accounts)
        {
            text.AppendLine().Append("    ").Append(account.Role.PadRight(9)).Append(account.Email.PadRight(emailWidth + 2))
                .Append(account.Password is null ? string.Empty : "password " + account.Password + "  ")
                .Append(account.Purpose);
        }

        if (accounts.Any(a => a.Password is null))
        {
            text.AppendLine().Append("  Generated passwords are shown only on the start that created them; delete booking.db to start afresh.");
        }

        return text.ToString();
    }
}
