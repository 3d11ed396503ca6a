using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Booking.Tests.Browser;

/// <summary>A page in its own browser context, with every console error and uncaught exception it produced.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly BrowserWorld _world;
    private readonly List<string> _errors = [];

    internal WatchedPage(IBrowserContext context, IPage page, BrowserWorld world)
    {
        _context = context;
        _world = world;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add("uncaught: " + error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors but those a test expects (e.g. the browser's own line about a 409 it provoked on purpose).</summary>
    public IReadOnlyList<string> ErrorsExcept(params string[] expected)
    {
        lock (_errors)
        {
            return [.. _errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal)))];
        }
    }

    public void AssertNoConsoleErrors(params string[] expected)
    {
        var errors = ErrorsExcept(expected);
        Assert.True(errors.Count == 0, "Console errors: " + string.Join(" | ", errors));
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/signin.html");
        var panel = Page.Locator("#panel-signin");
        await panel.GetByLabel("Email").FillAsync(email);
        await panel.GetByLabel("Password").FillAsync(password);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Waits until the page's server-sent event stream is subscribed (its "ready" arrived).</summary>
    public Task WaitUntilLiveAsync() => Expect(Page.Locator("body[data-live='live']")).ToHaveCountAsync(1);

    public async Task ScreenshotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_world.ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public static Regex Text(string pattern) => new(pattern, RegexOptions.IgnoreCase);

    public ValueTask DisposeAsync() => new(_context.CloseAsync());
}
