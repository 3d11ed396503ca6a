using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Booking.Tests.Browser;

/// <summary>The admin's page over the same API: stats with a chart, roles, sites, broadcasts.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Requires", "Browser")]
public sealed class AdminPageTests(BrowserWorld world)
{
    [Fact]
    public async Task An_admin_sees_a_resources_stats_as_a_chart_and_broadcasts_a_notice_that_members_see_live()
    {
        using var api = world.CreateApiClient();
        var member = await Api.ApiClient.SignUpAsync(api);
        await using var reader = await world.OpenAsync();
        await reader.SignInAsync(member.Account.Email, member.Account.Password);
        await reader.Page.GotoAsync("/notifications.html");
        await reader.WaitUntilLiveAsync();

        var admin = world.Demo("admin");
        await using var browser = await world.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(admin.Email, admin.Password);
        await page.GotoAsync("/admin.html");

        await page.GetByLabel("Resource").SelectOptionAsync(new SelectOptionValue { Label = "Ada (demo mentor) (Mentor)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-stats-result] .figure")).ToHaveCountAsync(8);
        await Expect(page.Locator("svg.chart rect.bar-occupancy[data-date]")).ToHaveCountAsync(14);

        // A bad range is refused by the API, and its detail shows by the form.
        await page.Locator("#stats-from").FillAsync("2030-01-10");
        await page.Locator("#stats-to").FillAsync("2030-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-stats-error]")).ToContainTextAsync("from must not be after to");

        await Expect(page.Locator("[data-users] tbody tr").Filter(new() { HasText = member.Account.Email })).ToHaveCountAsync(1);
        var title = $"Car park closed {Guid.NewGuid():N}";
        await page.Locator("#broadcast-title").FillAsync(title);
        await page.Locator("#broadcast-message").FillAsync("Level -1 is closed for cleaning on Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator("[data-broadcast-sent]")).ToContainTextAsync("Sent to");
        await page.Locator("#stats-from").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#stats-to").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("svg.chart")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("admin");

        await Expect(reader.Page.Locator("[data-notifications] > li").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await Expect(reader.Page.Locator("[data-unread]")).ToHaveTextAsync("1");
        await reader.ScreenshotAsync("notifications");

        browser.AssertNoConsoleErrors("status of 400");
        reader.AssertNoConsoleErrors();
    }
}
