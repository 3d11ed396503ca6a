using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>/api/v1/notifications over HTTP against PostgreSQL.</summary>
public sealed class NotificationsApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    private static string Date => ResourceSteps.Date(ResourceSteps.Soon);

    [Fact]
    public async Task Booker_and_owner_are_notified_of_a_booking_and_of_its_cancellation()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var created = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId, date = Date, start = "10:00", end = "11:00" });
        var bookingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        await _client.WaitForNotificationAsync(booker.AccessToken, "booking_created", bookingId);
        await _client.WaitForNotificationAsync(owner.AccessToken, "booking_created", bookingId);

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{bookingId}/cancel", booker.AccessToken, new { reason = "ill" })).StatusCode);

        await _client.WaitForNotificationAsync(booker.AccessToken, "booking_cancelled", bookingId);
        await _client.WaitForNotificationAsync(owner.AccessToken, "booking_cancelled", bookingId);
    }

    [Fact]
    public async Task A_notification_can_be_marked_read_and_the_unread_filter_follows()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var created = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId, date = Date, start = "12:00", end = "13:00" });
        var bookingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var notification = await _client.WaitForNotificationAsync(booker.AccessToken, "booking_created", bookingId);
        var id = notification.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/read", booker.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/read", booker.AccessToken)).StatusCode);

        var unread = await _client.ReadNotificationsAsync(booker.AccessToken, "?unread=true");
        Assert.DoesNotContain(unread.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetString() == id);
        Assert.Equal(0, unread.GetProperty("unread").GetInt32());

        // Someone else's notification id is simply not in your inbox.
        await (await _client.SendAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/read", owner.AccessToken)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/notifications?pageSize=500", booker.AccessToken)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(HttpMethod.Get, "/api/v1/notifications")).StatusCode);
    }

    [Fact]
    public async Task An_admin_broadcast_reaches_every_account_and_a_member_may_not_broadcast()
    {
        var member = await _client.SignUpAsync();
        var admin = await _client.AdminTokenAsync(fixture.Host);
        var title = "Garage closed " + Guid.NewGuid().ToString("N");

        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/notifications/broadcast", member.AccessToken, new { title, message = "no" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var sent = await _client.SendAsync(HttpMethod.Post, "/api/v1/notifications/broadcast", admin, new { title, message = "Level -2 is closed on Friday." });

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.True((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recipients").GetInt32() >= 2);
        var inbox = await _client.ReadNotificationsAsync(member.AccessToken);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "broadcast" && n.GetProperty("title").GetString() == title);

        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/notifications/broadcast", admin, new { siteId = "no-such-site", title, message = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/notifications/broadcast", admin, new { title = "", message = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
