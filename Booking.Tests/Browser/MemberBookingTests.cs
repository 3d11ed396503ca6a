using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Booking.Tests.Browser;

/// <summary>A member's way through the pages, in a real browser: sign up, find, book in three steps, see, cancel.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Requires", "Browser")]
public sealed class MemberBookingTests(BrowserWorld world)
{
    [Fact]
    public async Task A_member_signs_up_finds_the_demo_salon_books_it_in_three_steps_sees_it_in_my_bookings_and_cancels_it()
    {
        await using var browser = await world.OpenAsync();
        var page = browser.Page;

        await page.GotoAsync("/signin.html");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Create an account" }).ClickAsync();
        var signUp = page.Locator("#panel-signup");
        await signUp.GetByLabel("First name").FillAsync("Nora");
        await signUp.GetByLabel("Last name").FillAsync("Newcomer");
        await signUp.GetByLabel("Email").FillAsync($"nora-{Guid.NewGuid():N}@example.com");
        await signUp.GetByLabel("Password").FillAsync("short");
        await signUp.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        // The API's refusal, next to the field it is about.
        await Expect(signUp.Locator(".field-error")).ToContainTextAsync("8 to 128 characters");
        await Expect(signUp.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");
        await signUp.GetByLabel("Password").FillAsync("a-good-password");
        await signUp.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByText("Nora Newcomer · member")).ToBeVisibleAsync();

        await page.GetByLabel("Search by name").FillAsync("salon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("[data-results] > li")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("browse");
        await page.GetByRole(AriaRole.Link, new() { Name = "See free slots and book Demo salon haircut" }).ClickAsync();

        // Step 1: a week of free slots grouped by date. The last open day of the week is days away, well before the cut-off.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo salon haircut" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-panel='1'] section.day")).ToHaveCountAsync(7);
        await browser.ScreenshotAsync("resource-week");
        var slot = page.Locator("section.day:has(.slot)").Last.Locator(".slot").First;
        var slotLabel = await slot.GetAttributeAsync("aria-label");
        await slot.ClickAsync();

        // Step 2: the slot is held while the form is open.
        await Expect(page.Locator("[data-step='2']")).ToHaveAttributeAsync("aria-current", "step");
        await Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync("Held for you");
        await page.GetByLabel("Description (optional)").FillAsync("Short on the sides, please");
        await page.GetByLabel("Duration (Durée)").SelectOptionAsync("60");
        await Expect(page.Locator("[data-held]")).ToContainTextAsync(WatchedPage.Text(@"\d\d:\d\d–\d\d:\d\d"));
        await browser.ScreenshotAsync("resource-details");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm · Confirmer" }).ClickAsync();

        // Step 3: confirmation.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booking confirmed · Réservation confirmée" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-step='3']")).ToHaveAttributeAsync("aria-current", "step");

        await page.GetByRole(AriaRole.Link, new() { Name = "My bookings" }).First.ClickAsync();
        var booking = page.Locator("[data-bookings] > li").Filter(new() { HasText = "Demo salon haircut" });
        await Expect(booking).ToHaveCountAsync(1);
        await Expect(booking).ToContainTextAsync("Confirmed");
        var picked = slotLabel!.Split(" at ");
        await Expect(booking).ToContainTextAsync($"{picked[0]}, {picked[1]}–");
        await browser.ScreenshotAsync("my-bookings");

        await booking.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await Expect(page.GetByText("No upcoming booking.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Past" }).ClickAsync();
        await Expect(page.Locator("[data-bookings] > li").Filter(new() { HasText = "Demo salon haircut" })).ToContainTextAsync("Cancelled");

        browser.AssertNoConsoleErrors("status of 400");
    }

    [Fact]
    public async Task A_member_books_a_mentor_session_with_the_keyboard_only()
    {
        using var api = world.CreateApiClient();
        var member = await Api.ApiClient.SignUpAsync(api);
        await using var browser = await world.OpenAsync();
        var page = browser.Page;

        await page.GotoAsync("/signin.html");
        await page.Keyboard.PressAsync("Tab");
        await TabToAsync(page, "document.activeElement.id === 'signin-email'");
        await page.Keyboard.TypeAsync(member.Account.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(member.Account.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GotoAsync("/resource.html?id=demo-mentor");
        await Expect(page.Locator(".slot").First).ToBeVisibleAsync();
        await TabToAsync(page, "document.activeElement.classList.contains('slot')");
        await page.Keyboard.PressAsync("Enter");

        // Focus moves to the details step; the subject is required before Confirm is enabled (the seed's rule).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your session" })).ToBeFocusedAsync();
        await TabToAsync(page, "document.activeElement.name === 'subject'");
        await page.Keyboard.TypeAsync("Career advice");
        await TabToAsync(page, "document.activeElement.textContent.includes('Confirmer')");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booking confirmed · Réservation confirmée" })).ToBeFocusedAsync();
        await Expect(page.GetByText("Your mentor has been notified.")).ToBeVisibleAsync();
        browser.AssertNoConsoleErrors();
    }

    /// <summary>Presses Tab until the focused element satisfies the condition (at most 80 presses).</summary>
    private static async Task TabToAsync(IPage page, string condition)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>(condition))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached an element where {condition}.");
    }
}
