using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>/api/v1/bookings, /holds and site bookings over HTTP against PostgreSQL.</summary>
public sealed class BookingsApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    private static string Date => ResourceSteps.Date(ResourceSteps.Soon);

    [Fact]
    public async Task Booking_a_free_slot_returns_201_and_the_booker_owner_and_admin_can_read_it_but_no_one_else()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var stranger = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId, date = Date, start = "10:00", end = "11:00", subject = "Trim" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = booking.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/bookings/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.Equal(booker.Account.Id, booking.GetProperty("userId").GetString());
        Assert.Equal("10:00", booking.GetProperty("start").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{id}", booker.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{id}", owner.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{id}", await _client.AdminTokenAsync(fixture.Host))).StatusCode);
        await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{id}", stranger.AccessToken)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Booking_a_taken_slot_returns_409_slot_unavailable_with_alternatives()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var first = await _client.SignUpAsync();
        var second = await _client.SignUpAsync();
        await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", first.AccessToken, new { resourceId, date = Date, start = "10:00", durationMinutes = 60 });

        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", second.AccessToken, new { resourceId, date = Date, start = "10:00", durationMinutes = 60 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");
        var alternatives = problem.GetProperty("alternatives");
        Assert.InRange(alternatives.GetArrayLength(), 1, 3);
        Assert.All(alternatives.EnumerateArray(), a => Assert.NotEqual("10:00", a.GetProperty("start").GetString()));
    }

    [Fact]
    public async Task Booking_two_overlapping_slots_of_different_resources_returns_409_user_conflict()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var a = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var b = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId = a, date = Date, start = "14:00", end = "15:00" })).StatusCode);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId = b, date = Date, start = "14:00", end = "15:00" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "user_conflict");
    }

    [Fact]
    public async Task Rule_violations_are_422_with_their_code_and_bad_input_400()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var yesterday = ResourceSteps.Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));

        var past = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId, date = yesterday, start = "10:00", end = "11:00" });
        var closed = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId, date = Date, start = "19:00", end = "20:00" });
        var noTime = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId, date = Date });
        var badTime = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId, date = Date, start = "25:00", end = "26:00" });
        var unknown = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", booker.AccessToken, new { resourceId = Guid.NewGuid().ToString("N"), date = Date, start = "10:00", end = "11:00" });

        await past.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "in_the_past");
        await closed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "outside_availability");
        await noTime.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await badTime.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task An_idempotency_key_repeats_the_first_answer_and_refuses_another_body_with_422()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var key = Guid.NewGuid().ToString();

        var first = await BookWithKeyAsync(booker.AccessToken, key, new { resourceId, date = Date, start = "09:00", end = "10:00" });
        var repeat = await BookWithKeyAsync(booker.AccessToken, key, new { resourceId, date = Date, start = "09:00", end = "10:00" });
        var other = await BookWithKeyAsync(booker.AccessToken, key, new { resourceId, date = Date, start = "12:00", end = "13:00" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
            (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_conflict");
    }

    [Fact]
    public async Task Cancelling_frees_the_slot_and_cancelling_twice_is_409_already_cancelled()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var id = await BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "11:00", end = "12:00" });

        var cancelled = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", booker.AccessToken, new { reason = "ill" });
        var again = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", booker.AccessToken, new { reason = "still ill" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var booking = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", booking.GetProperty("status").GetString());
        Assert.Equal("ill", booking.GetProperty("cancelReason").GetString());
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "already_cancelled");
        var other = await _client.SignUpAsync();
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", other.AccessToken, new { resourceId, date = Date, start = "11:00", end = "12:00" })).StatusCode);
    }

    [Fact]
    public async Task The_booker_checks_in_but_only_the_owner_marks_a_no_show_and_strangers_see_nothing()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var stranger = await _client.SignUpAsync();
        var id = await BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "15:00", end = "16:00" });

        var checkIn = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{id}/check-in", booker.AccessToken);
        var noShowByBooker = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{id}/no-show", booker.AccessToken);
        var completeTooEarly = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{id}/complete", owner.AccessToken);
        var cancelByStranger = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", stranger.AccessToken);

        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await checkIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checkedInAt").ValueKind);
        await noShowByBooker.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await completeTooEarly.AssertProblemAsync(HttpStatusCode.Conflict, "invalid_status_transition");
        await cancelByStranger.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_hold_keeps_the_slot_until_it_becomes_a_booking_and_a_released_hold_frees_it()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var holder = await _client.SignUpAsync();
        var other = await _client.SignUpAsync();

        var held = await _client.SendAsync(HttpMethod.Post, "/api/v1/holds", holder.AccessToken, new { resourceId, date = Date, start = "13:00", end = "14:00" });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        var hold = await held.Content.ReadFromJsonAsync<JsonElement>();
        var holdId = hold.GetProperty("id").GetString();
        Assert.Equal("pending", hold.GetProperty("status").GetString());
        Assert.True(hold.GetProperty("holdExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        await (await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", other.AccessToken, new { resourceId, date = Date, start = "13:00", end = "14:00" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");

        var confirmed = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", holder.AccessToken, new { resourceId, date = Date, holdId });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var booking = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(holdId, booking.GetProperty("id").GetString());
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());

        var second = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/holds", holder.AccessToken, new { resourceId, date = Date, start = "16:00", end = "17:00" })).Content.ReadFromJsonAsync<JsonElement>();
        var secondId = second.GetProperty("id").GetString();
        await (await _client.SendAsync(HttpMethod.Delete, $"/api/v1/holds/{secondId}", other.AccessToken)).AssertProblemAsync(HttpStatusCode.NotFound, "hold_not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Delete, $"/api/v1/holds/{secondId}", holder.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", other.AccessToken, new { resourceId, date = Date, start = "16:00", end = "17:00" })).StatusCode);
    }

    [Fact]
    public async Task A_site_booking_gets_a_free_slot_and_a_full_site_answers_409_site_full()
    {
        var admin = await _client.AdminTokenAsync(fixture.Host);
        var site = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin, new { name = "Tiny", slotNumbers = new[] { "P1" } })).Content.ReadFromJsonAsync<JsonElement>();
        var siteId = site.GetProperty("id").GetString();
        var first = await _client.SignUpAsync();
        var second = await _client.SignUpAsync();

        var booked = await _client.SendAsync(HttpMethod.Post, $"/api/v1/sites/{siteId}/bookings", first.AccessToken, new { date = Date, period = "morning" });
        var full = await _client.SendAsync(HttpMethod.Post, $"/api/v1/sites/{siteId}/bookings", second.AccessToken, new { date = Date, period = "morning" });

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var answer = await booked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("P1", answer.GetProperty("slot").GetProperty("number").GetString());
        Assert.Equal("morning", answer.GetProperty("booking").GetProperty("period").GetString());
        await full.AssertProblemAsync(HttpStatusCode.Conflict, "site_full");
        var slots = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/sites/{siteId}/slots?date={Date}&period=morning", second.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("taken", slots[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Members_list_their_own_bookings_and_owners_those_of_their_resource_with_filters_and_paging()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var otherProvider = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        var other = await _client.SignUpAsync();
        var kept = await BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "08:00", end = "09:00" });
        var cancelled = await BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "10:00", end = "11:00" });
        await BookAsync(other.AccessToken, new { resourceId, date = Date, start = "12:00", end = "13:00" });
        await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{cancelled}/cancel", booker.AccessToken);

        var mine = await ListAsync(booker.AccessToken, "");
        var firstPage = await ListAsync(booker.AccessToken, "?pageSize=1&page=1");
        var onlyCancelled = await ListAsync(booker.AccessToken, "?status=cancelled");
        var ownerView = await ListAsync(owner.AccessToken, $"?resourceId={resourceId}&from={Date}&to={Date}");

        Assert.Equal([kept, cancelled], mine.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal(2, mine.GetProperty("total").GetInt64());
        Assert.Equal(1, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(2, firstPage.GetProperty("total").GetInt64());
        Assert.Equal(cancelled, Assert.Single(onlyCancelled.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(3, ownerView.GetProperty("total").GetInt64());
        await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings?resourceId={resourceId}", otherProvider.AccessToken)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/bookings?status=lost", booker.AccessToken)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/bookings?pageSize=500", booker.AccessToken)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Bookings_need_a_signed_in_user()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/bookings", new { resourceId = "x", date = Date, start = "10:00", end = "11:00" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<string> BookAsync(string token, object body)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", token, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> ListAsync(string token, string query)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/bookings" + query, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> BookWithKeyAsync(string token, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }
}
