using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>GET /api/v1/resources and GET /api/v1/sites over HTTP against PostgreSQL.</summary>
public sealed class ListingsApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Resources_are_listed_with_filters_paging_and_a_stable_order_and_deactivated_ones_hidden()
    {
        var admin = await _client.AdminTokenAsync(fixture.Host);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var site = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin, new { name = "Lot " + tag, slotCount = 5 })).Content.ReadFromJsonAsync<JsonElement>();
        var siteId = site.GetProperty("id").GetString();
        var provider = await _client.SignUpProviderAsync(fixture.Host);
        var service = await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", provider.AccessToken, new { kind = "service", name = "Salon " + tag, category = "Beauty" });
        Assert.Equal(HttpStatusCode.Created, service.StatusCode);
        var serviceId = (await service.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var slots = await ListAsync($"?kind=parking_slot&parentId={siteId}&pageSize=2");
        Assert.Equal(5, slots.GetProperty("total").GetInt32());
        Assert.Equal(2, slots.GetProperty("items").GetArrayLength());
        var page3 = await ListAsync($"?kind=parking_slot&parentId={siteId}&pageSize=2&page=3");
        Assert.Equal(1, page3.GetProperty("items").GetArrayLength());
        var all = (await ListAsync($"?parentId={siteId}&pageSize=100")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var pages = new[] { slots, await ListAsync($"?kind=parking_slot&parentId={siteId}&pageSize=2&page=2"), page3 }
            .SelectMany(p => p.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString())).ToList();
        Assert.Equal(all, pages);

        var byName = await ListAsync($"?q=salon%20{tag}&category=beauty");
        Assert.Equal(serviceId, Assert.Single(byName.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Delete, $"/api/v1/resources/{serviceId}", provider.AccessToken)).StatusCode);
        Assert.Equal(0, (await ListAsync($"?q={tag}&kind=service")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ListAsync($"?q={tag}&kind=service&includeInactive=true")).GetProperty("total").GetInt32());

        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/resources?kind=boat")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/resources?pageSize=101")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var member = await _client.SignUpAsync();
        var sites = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/sites", member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        var listed = Assert.Single(sites.EnumerateArray(), s => s.GetProperty("id").GetString() == siteId);
        Assert.Equal("Lot " + tag, listed.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(HttpMethod.Get, "/api/v1/sites")).StatusCode);
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/resources" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
