using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>/api/v1/stats over HTTP against PostgreSQL: the figures, and who may see them.</summary>
public sealed class StatsApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    private static string Date => ResourceSteps.Date(ResourceSteps.Soon);

    [Fact]
    public async Task The_owner_sees_bookings_cancellations_holds_occupancy_and_revenue_at_the_current_price()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken, price: 30m, currency: "EUR")).GetProperty("id").GetString();
        var booker = await _client.SignUpAsync();
        await _client.BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "10:00", end = "11:00" });
        await _client.BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "14:00", end = "15:00" });
        var cancelled = await _client.BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "11:00", end = "12:00" });
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{cancelled}/cancel", booker.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "/api/v1/holds", booker.AccessToken, new { resourceId, date = Date, start = "16:00", end = "17:00" })).StatusCode);

        var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/stats?resourceId={resourceId}&from={Date}&to={Date}", owner.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(resourceId, stats.GetProperty("resourceId").GetString());
        Assert.Equal((3, 2, 1, 0, 1), (Count(stats, "bookings"), Count(stats, "confirmed"), Count(stats, "cancellations"), Count(stats, "noShows"), Count(stats, "pendingHolds")));
        var occupancy = stats.GetProperty("occupancy");

        // Open 08:00-18:00 at capacity 1: 600 minutes, of which the two confirmed hours take 120.
        Assert.Equal((120, 600, 0.2), (Count(occupancy, "occupiedMinutes"), Count(occupancy, "availableMinutes"), occupancy.GetProperty("ratio").GetDouble()));
        var revenue = stats.GetProperty("revenue");
        Assert.Equal((60m, "EUR", 30m, 2L), (revenue.GetProperty("amount").GetDecimal(), revenue.GetProperty("currency").GetString(), revenue.GetProperty("unitPrice").GetDecimal(), Count(revenue, "billedBookings")));
        var admin = await _client.SendAsync(HttpMethod.Get, $"/api/v1/stats?resourceId={resourceId}&from={Date}&to={Date}", await _client.AdminTokenAsync(fixture.Host));
        Assert.Equal(3, Count(await admin.Content.ReadFromJsonAsync<JsonElement>(), "bookings"));
    }

    [Fact]
    public async Task A_resource_without_price_or_bookings_has_zeros_no_revenue_and_a_zero_ratio()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken, capacity: 3)).GetProperty("id").GetString();
        var to = ResourceSteps.Date(ResourceSteps.Soon.AddDays(6));

        var stats = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/stats?resourceId={resourceId}&from={Date}&to={to}", owner.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(0, Count(stats, "bookings"));
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("revenue").ValueKind);
        Assert.Equal(7 * 600 * 3, Count(stats.GetProperty("occupancy"), "availableMinutes"));
        Assert.Equal(0, stats.GetProperty("occupancy").GetProperty("ratio").GetDouble());
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_may_see_stats_and_the_range_is_checked()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var otherProvider = await _client.SignUpProviderAsync(fixture.Host);
        var member = await _client.SignUpAsync();
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var later = ResourceSteps.Date(ResourceSteps.Soon.AddDays(1));
        var tooFar = ResourceSteps.Date(ResourceSteps.Soon.AddDays(366));

        await (await Stats(otherProvider.AccessToken, $"resourceId={resourceId}&from={Date}&to={Date}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Stats(member.AccessToken, $"resourceId={resourceId}&from={Date}&to={Date}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Stats(owner.AccessToken, $"resourceId={Guid.NewGuid():N}&from={Date}&to={Date}")).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await Stats(owner.AccessToken, $"resourceId={resourceId}&from={Date}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Stats(owner.AccessToken, $"resourceId={resourceId}&from={later}&to={Date}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Stats(owner.AccessToken, $"resourceId={resourceId}&from={Date}&to={tooFar}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Stats(owner.AccessToken, $"resourceId={resourceId}&from=tomorrow&to={Date}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Stats(null, $"resourceId={resourceId}&from={Date}&to={Date}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private Task<HttpResponseMessage> Stats(string? token, string query) => _client.SendAsync(HttpMethod.Get, "/api/v1/stats?" + query, token);

    private static long Count(JsonElement element, string name) => element.GetProperty(name).GetInt64();
}
