using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Silo.Messages;
using Booking.Tests.Api;

namespace Booking.Tests.Messages;

/// <summary>Private calendar feeds: a token per user, rotatable and revocable, for their bookings and their resources' bookings.</summary>
[Trait("Category", "Postgres")]
public sealed class CalendarFeedTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task A_users_feed_lists_their_standing_bookings_and_stops_working_when_the_token_is_rotated_or_revoked()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var member = await _client.SignUpAsync();
        var date = ResourceSteps.Date(ResourceSteps.Soon);
        var kept = await _client.BookAsync(member.AccessToken, new { resourceId, date, start = "10:00", durationMinutes = 60 });
        var dropped = await _client.BookAsync(member.AccessToken, new { resourceId, date, start = "12:00", durationMinutes = 60 });
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{dropped}/cancel", member.AccessToken, new { })).StatusCode);

        var first = await RotateAsync(member.AccessToken);
        var feed = await _client.GetAsync(first.Path);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        MailSteps.AssertFolded(ics);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("PUBLISH", calendar.Method);
        var listed = Assert.Single(calendar.Events);
        Assert.Equal(BookingCalendar.Uid(kept), listed.Uid);
        Assert.Equal("Europe/Paris", listed.DtStart!.TzId);

        var second = await RotateAsync(member.AccessToken);
        await (await _client.GetAsync(first.Path)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(second.Path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Delete, "/api/v1/me/calendar-token", member.AccessToken)).StatusCode);
        await (await _client.GetAsync(second.Path)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync($"/calendar/{member.Account.Id}.guessed.ics")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync("/calendar/not-a-token.ics")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_resource_feed_is_its_owners_alone()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var member = await _client.SignUpAsync();
        var booked = await _client.BookAsync(member.AccessToken, new { resourceId, date = ResourceSteps.Date(ResourceSteps.Soon), start = "15:00", durationMinutes = 60 });
        var ownerToken = await RotateAsync(owner.AccessToken);
        var memberToken = await RotateAsync(member.AccessToken);

        var feed = await _client.GetAsync($"/calendar/{ownerToken.Token}/resources/{resourceId}.ics");
        var forMember = await _client.GetAsync($"/calendar/{memberToken.Token}/resources/{resourceId}.ics");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal(BookingCalendar.Uid(booked), Assert.Single(Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events).Uid);
        await forMember.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var ownFeed = Ical.Net.Calendar.Load(await (await _client.GetAsync(ownerToken.Path)).Content.ReadAsStringAsync())!;
        Assert.Empty(ownFeed.Events);
    }

    private async Task<(string Token, string Path)> RotateAsync(string accessToken)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/me/calendar-token", accessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(body.GetProperty("url").GetString()!);
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal($"/calendar/{token}.ics", url.AbsolutePath);
        return (token, url.PathAndQuery);
    }
}
