using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>/api/v1/sites over HTTP against PostgreSQL: creating a parking site and reading its slots.</summary>
public sealed class SitesApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task An_admin_creates_a_site_whose_slots_are_all_free_at_first()
    {
        var admin = await _client.AdminTokenAsync(fixture.Host);

        var created = await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin, new { name = "HQ", address = "1 Main St", slotNumbers = new[] { "A1", "A2", "A3" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var site = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = site.GetProperty("id").GetString();
        Assert.Equal(3, site.GetProperty("slots").GetArrayLength());
        var member = await _client.SignUpAsync();
        var slots = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/sites/{id}/slots?date={ResourceSteps.Date(ResourceSteps.Soon)}&period=morning", member.AccessToken))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["A1", "A2", "A3"], slots.EnumerateArray().Select(s => s.GetProperty("number").GetString()).Order());
        Assert.All(slots.EnumerateArray(), s => Assert.Equal("free", s.GetProperty("status").GetString()));
        var slotResource = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{slots[0].GetProperty("resourceId").GetString()}");
        Assert.Equal("parking_slot", slotResource.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_member_may_not_create_a_site()
    {
        var member = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", member.AccessToken, new { name = "Mine", slotCount = 2 });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Slots_need_a_date_and_a_known_period_of_a_known_site()
    {
        var admin = await _client.AdminTokenAsync(fixture.Host);
        var id = (await (await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin, new { name = "Annex", slotCount = 2 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var date = ResourceSteps.Date(ResourceSteps.Soon);

        var noPeriod = await _client.SendAsync(HttpMethod.Get, $"/api/v1/sites/{id}/slots?date={date}", admin);
        var badPeriod = await _client.SendAsync(HttpMethod.Get, $"/api/v1/sites/{id}/slots?date={date}&period=night", admin);
        var unknownSite = await _client.SendAsync(HttpMethod.Get, $"/api/v1/sites/{Guid.NewGuid():N}/slots?date={date}&period=morning", admin);
        var invalidSite = await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin, new { name = "Nothing", slotCount = 0 });

        await noPeriod.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await badPeriod.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await unknownSite.AssertProblemAsync(HttpStatusCode.NotFound, "site_not_found");
        await invalidSite.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
