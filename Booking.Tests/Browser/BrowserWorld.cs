using Booking.Tests.Api;
using Booking.Web.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Booking.Tests.Browser;

/// <summary>
/// Booking.Web as <c>dotnet run</c> starts it (SQLite file, demo data) on a real Kestrel port, and Debian's Chromium
/// driven by Playwright. One of each for every browser test: each test opens its own browser contexts (separate
/// storage, so separate users).
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    /// <summary>Debian's package; Playwright's own browser download is never used (these machines cannot fetch it).</summary>
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"booking-browser-{Guid.NewGuid():N}.db");
    private ApiHost? _host;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go (test artefacts): TestResults/screenshots at the repository root.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package (scripts/test.sh does).");
        // As a plain `dotnet run` would be: demo data, and the demo's own admin rather than a configured one.
        _host = ApiHost.Sqlite(_database, new Dictionary<string, string?>
        {
            ["Booking:Demo:Enabled"] = "true",
            ["Booking:Admin:Email"] = null,
            ["Booking:Admin:Password"] = null,
        });
        BaseAddress = _host.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        Directory.CreateDirectory(ScreenshotDirectory);

        // A slow, shared 2-core machine: Playwright waits for each condition, never for a fixed time.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>The demo account of that role (its generated password, known because this host created it).</summary>
    public (string Email, string Password) Demo(string role)
    {
        var account = _host!.Services.GetRequiredService<DemoAccounts>().All.Single(a => a.Role == role);
        return (account.Email, account.Password ?? throw new InvalidOperationException($"The demo {role} has no known password."));
    }

    /// <summary>An HTTP client of the same server, for steps that are not what the test is about.</summary>
    public HttpClient CreateApiClient() => new() { BaseAddress = BaseAddress };

    /// <summary>A new browser context (its own storage: its own user) and a page in it that records console errors.</summary>
    public async Task<WatchedPage> OpenAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        return new WatchedPage(context, await context.NewPageAsync(), this);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Booking.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
