using System.Diagnostics;
using System.Globalization;
using System.Net;
using Booking.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Booking.Tests.Browser;

/// <summary>Pages that change while they are open, by server push from the grains (no reload, no polling).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Requires", "Browser")]
public sealed class LiveUpdateTests(BrowserWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task A_place_booked_in_one_browser_turns_taken_in_another_without_a_reload_and_booking_it_there_offers_the_alternatives()
    {
        using var api = world.CreateApiClient();
        var first = await api.SignUpAsync();
        var second = await api.SignUpAsync();
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var address = $"/parking.html?site=demo-parking&date={date}&period=morning";

        await using var one = await world.OpenAsync(new ViewportSize { Width = 390, Height = 844 });
        await using var two = await world.OpenAsync(new ViewportSize { Width = 390, Height = 844 });
        foreach (var (browser, account) in new[] { (one, first), (two, second) })
        {
            await browser.SignInAsync(account.Account.Email, account.Account.Password);
            await browser.Page.GotoAsync(address);
            await Expect(browser.Page.Locator("[data-map] .place")).ToHaveCountAsync(20);
            await browser.WaitUntilLiveAsync();
        }

        // Marks the second page, to show later that it was never reloaded.
        await two.Page.EvaluateAsync("window.__notReloaded = true");
        var place = two.Page.Locator("[data-place='7']");
        await Expect(place).ToHaveAttributeAsync("data-status", "free");

        var watch = Stopwatch.StartNew();
        await one.Page.GetByRole(AriaRole.Button, new() { Name = "Place 7, free: book it" }).ClickAsync();
        await Expect(place).ToHaveAttributeAsync("data-status", "taken");
        output.WriteLine($"Place 7 turned taken on the other page {watch.ElapsedMilliseconds} ms after the click (booking included).");
        await Expect(one.Page.Locator("[data-place='7']")).ToHaveAttributeAsync("data-status", "mine");
        Assert.True(await two.Page.EvaluateAsync<bool>("window.__notReloaded === true"));
        await two.ScreenshotAsync("parking-live-phone");

        // Taken: the server's 409 says so, and its alternatives (the same place's afternoon) are one click away.
        await place.ClickAsync();
        await Expect(two.Page.Locator("[data-error]")).ToContainTextAsync(WatchedPage.Text("taken|not free|unavailable|no longer"));
        var afternoon = two.Page.GetByRole(AriaRole.Button, new() { Name = "Place 7, Afternoon" });
        await Expect(afternoon).ToBeVisibleAsync();
        await Expect(two.Page.GetByRole(AriaRole.Button, new() { Name = "Any free place, Morning" })).ToBeVisibleAsync();
        await two.ScreenshotAsync("parking-conflict-phone");
        await afternoon.ClickAsync();
        await Expect(two.Page.Locator("[data-done]")).ToContainTextAsync("Booked: Demo car park 7");
        await Expect(two.Page.Locator("[data-mine] > li")).ToHaveCountAsync(1);

        one.AssertNoConsoleErrors();
        two.AssertNoConsoleErrors("status of 409");
    }

    [Fact]
    public async Task A_mentor_page_shows_a_new_booking_as_it_is_made()
    {
        var (email, password) = world.Demo("mentor");
        var day = NextWeekday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(8));
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var mentor = await world.OpenAsync();
        await mentor.SignInAsync(email, password);
        await mentor.Page.GotoAsync($"/provider.html?resource=demo-mentor&date={date}");
        await Expect(mentor.Page.Locator("[data-day]")).ToContainTextAsync("No booking on");
        await mentor.WaitUntilLiveAsync();
        var badge = mentor.Page.Locator("[data-unread]");
        var unread = await badge.IsVisibleAsync() ? int.Parse((await badge.TextContentAsync())!, CultureInfo.InvariantCulture) : 0;

        using var api = world.CreateApiClient();
        var student = await api.SignUpAsync();
        var booked = await api.SendAsync(HttpMethod.Post, "/api/v1/bookings", student.AccessToken,
            new { resourceId = "demo-mentor", date, start = "14:00", durationMinutes = 60, subject = "Thesis plan" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        // EduConnect: "the mentor receives the notification in real time in their interface".
        var toast = mentor.Page.Locator(".toast").Filter(new() { HasText = $"Ada (demo mentor), {date} 14:00-15:00" });
        await Expect(toast).ToContainTextAsync("New booking");
        await Expect(badge).ToHaveTextAsync((unread + 1).ToString(CultureInfo.InvariantCulture));
        var row = mentor.Page.Locator("[data-day] > li").Filter(new() { HasText = "Thesis plan" });
        await Expect(row).ToContainTextAsync("14:00–15:00");
        await mentor.ScreenshotAsync("mentor-live");

        await row.GetByRole(AriaRole.Button, new() { NameRegex = WatchedPage.Text("^Check in") }).ClickAsync();
        await Expect(row.Or(mentor.Page.Locator("[data-day] > li").Filter(new() { HasText = "Thesis plan" }))).ToContainTextAsync("checked in");
        mentor.AssertNoConsoleErrors();
    }

    private static DateOnly NextWeekday(DateOnly from)
    {
        while (from.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            from = from.AddDays(1);
        }

        return from;
    }
}
