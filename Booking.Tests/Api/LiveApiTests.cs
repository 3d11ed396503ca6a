using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Tests.Api;

/// <summary>GET /api/v1/live over HTTP against PostgreSQL: what a page's server-sent event stream carries, and to whom.</summary>
public sealed class LiveApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task A_site_stream_announces_each_slot_booked_or_freed_on_its_date_and_the_slots_read_then_show_it()
    {
        var admin = await _client.AdminTokenAsync(fixture.Host);
        var site = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin, new { name = "Live HQ", slotNumbers = new[] { "A1", "A2" } })).Content.ReadFromJsonAsync<JsonElement>();
        var siteId = site.GetProperty("id").GetString()!;
        var a2 = site.GetProperty("slots")[1].GetProperty("resourceId").GetString()!;
        var date = ResourceSteps.Date(ResourceSteps.Soon);
        var watcher = await _client.SignUpAsync();
        var booker = await _client.SignUpAsync();
        await using var stream = await LiveStream.OpenAsync(_client, watcher.AccessToken, $"?siteId={siteId}&date={date}");

        // A booking on another date of the site is not this stream's business: the first event is the one on its date.
        await _client.BookAsync(booker.AccessToken, new { resourceId = a2, date = ResourceSteps.Date(ResourceSteps.Soon.AddDays(1)), period = "morning" });
        var bookingId = await _client.BookAsync(booker.AccessToken, new { resourceId = a2, date, period = "morning" });

        var taken = await stream.NextAsync();
        Assert.Equal(("slots", siteId, date, a2), (taken.Name, taken.Data.GetProperty("siteId").GetString(), taken.Data.GetProperty("date").GetString(), taken.Data.GetProperty("resourceId").GetString()));
        Assert.Equal("taken", await StatusAsync(watcher.AccessToken, siteId, date, a2));

        var cancelled = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{bookingId}/cancel", booker.AccessToken, new { reason = "changed my mind" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(a2, (await stream.NextAsync()).Data.GetProperty("resourceId").GetString());
        Assert.Equal("free", await StatusAsync(watcher.AccessToken, siteId, date, a2));

        var any = await _client.SendAsync(HttpMethod.Post, $"/api/v1/sites/{siteId}/bookings", booker.AccessToken, new { date, period = "day" });
        Assert.Equal(HttpStatusCode.Created, any.StatusCode);
        var assigned = (await any.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slot").GetProperty("resourceId").GetString();
        Assert.Equal(assigned, (await stream.NextAsync()).Data.GetProperty("resourceId").GetString());
        Assert.Equal("taken", await StatusAsync(watcher.AccessToken, siteId, date, assigned!));
    }

    [Fact]
    public async Task An_owners_stream_carries_a_new_booking_of_their_resource_and_the_unread_count_but_nobody_elses_inbox()
    {
        var provider = await _client.SignUpProviderAsync(fixture.Host);
        var service = await _client.CreateServiceAsync(provider.AccessToken);
        var member = await _client.SignUpAsync();
        var bystander = await _client.SignUpAsync();
        await using var owner = await LiveStream.OpenAsync(_client, provider.AccessToken);
        await using var other = await LiveStream.OpenAsync(_client, bystander.AccessToken);

        var bookingId = await _client.BookAsync(member.AccessToken, new { resourceId = service.GetProperty("id").GetString(), date = ResourceSteps.Date(ResourceSteps.Soon), start = "10:00", durationMinutes = 60 });

        var created = await owner.NextAsync();
        Assert.Equal("notification", created.Name);
        var notification = created.Data.GetProperty("notification");
        Assert.Equal(("booking_created", "New booking", bookingId, 1), (notification.GetProperty("kind").GetString(), notification.GetProperty("title").GetString(), notification.GetProperty("bookingId").GetString(), created.Data.GetProperty("unread").GetInt32()));

        var read = await _client.SendAsync(HttpMethod.Post, $"/api/v1/notifications/{notification.GetProperty("id").GetString()}/read", provider.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        var unread = await owner.NextAsync();
        Assert.Equal(("unread", 0), (unread.Name, unread.Data.GetProperty("unread").GetInt32()));

        // The bystander's stream stays quiet about it: the next thing it hears is its own broadcast.
        var admin = await _client.AdminTokenAsync(fixture.Host);
        Assert.Equal(HttpStatusCode.Accepted, (await _client.SendAsync(HttpMethod.Post, "/api/v1/notifications/broadcast", admin, new { title = "Hello", message = "everyone" })).StatusCode);
        var heard = await other.NextAsync();
        Assert.Equal(("notification", "broadcast"), (heard.Name, heard.Data.GetProperty("notification").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task The_stream_wants_a_signed_in_caller_a_date_with_a_site_and_a_known_site()
    {
        var member = await _client.SignUpAsync();

        var anonymous = await _client.GetAsync("/api/v1/live");
        var noDate = await _client.SendAsync(HttpMethod.Get, "/api/v1/live?siteId=somewhere", member.AccessToken);
        var unknown = await _client.SendAsync(HttpMethod.Get, $"/api/v1/live?siteId={Guid.NewGuid():N}&date={ResourceSteps.Date(ResourceSteps.Soon)}", member.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await noDate.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "site_not_found");
    }

    [Fact]
    public async Task Closing_the_last_stream_of_a_topic_ends_the_hosts_subscription_to_it()
    {
        var feed = fixture.Host.Services.GetRequiredService<LiveFeed>();
        var member = await _client.SignUpAsync();
        var inbox = LiveTopic.Inbox(member.Account.Id);

        var first = await LiveStream.OpenAsync(_client, member.AccessToken);
        var second = await LiveStream.OpenAsync(_client, member.AccessToken);
        Assert.True(feed.IsWatching(inbox));
        await first.DisposeAsync();
        Assert.True(feed.IsWatching(inbox), "Another page still watches the inbox.");
        await second.DisposeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (feed.IsWatching(inbox))
        {
            Assert.True(DateTime.UtcNow < deadline, "The host still watches the inbox after its last stream closed.");
            await Task.Delay(20);
        }
    }

    private async Task<string> StatusAsync(string token, string siteId, string date, string resourceId)
    {
        var slots = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/sites/{siteId}/slots?date={date}&period=morning", token)).Content.ReadFromJsonAsync<JsonElement>();
        return slots.EnumerateArray().Single(s => s.GetProperty("resourceId").GetString() == resourceId).GetProperty("status").GetString()!;
    }
}
