using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>/api/v1/resources over HTTP against PostgreSQL: definitions, ownership, schedules, free slots and occupancy.</summary>
public sealed class ResourcesApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task A_provider_creates_a_resource_they_own_with_defaults_for_what_they_left_out()
    {
        var provider = await _client.SignUpProviderAsync(fixture.Host);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", provider.AccessToken, new { kind = "mentor", name = "Dr. Mentor", ownerId = "someone-else" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var resource = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = resource.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/resources/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(provider.Account.Id, resource.GetProperty("ownerId").GetString());
        Assert.Equal("mentor", resource.GetProperty("kind").GetString());
        Assert.Equal(1, resource.GetProperty("capacity").GetInt32());
        Assert.True(resource.GetProperty("active").GetBoolean());
        var read = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}");
        Assert.Equal("Dr. Mentor", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_member_may_not_create_a_resource_and_a_definition_without_name_or_kind_is_400()
    {
        var member = await _client.SignUpAsync();
        var provider = await _client.SignUpProviderAsync(fixture.Host);

        var asMember = await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", member.AccessToken, new { kind = "service", name = "X" });
        var noName = await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", provider.AccessToken, new { kind = "service" });
        var badKind = await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", provider.AccessToken, new { kind = "spaceship", name = "X" });
        var badZone = await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", provider.AccessToken, new { kind = "service", name = "X", timeZone = "Mars/Olympus" });

        await asMember.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await noName.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await badKind.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await badZone.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_unknown_resource_is_404_resource_not_found()
    {
        var response = await _client.GetAsync($"/api/v1/resources/{Guid.NewGuid():N}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_changes_a_resource_and_an_absent_schedule_is_kept()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var other = await _client.SignUpProviderAsync(fixture.Host);
        var id = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();

        var byOther = await _client.SendAsync(HttpMethod.Put, $"/api/v1/resources/{id}", other.AccessToken, new { kind = "service", name = "Stolen" });
        var byOwner = await _client.SendAsync(HttpMethod.Put, $"/api/v1/resources/{id}", owner.AccessToken, new { kind = "service", name = "Colour", capacity = 2 });
        var byAdmin = await _client.SendAsync(HttpMethod.Put, $"/api/v1/resources/{id}", await _client.AdminTokenAsync(fixture.Host), new { kind = "service", name = "Colour and cut", capacity = 2 });

        await byOther.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var resource = await byAdmin.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Colour and cut", resource.GetProperty("name").GetString());
        Assert.Equal(owner.Account.Id, resource.GetProperty("ownerId").GetString());
        Assert.Equal(7, resource.GetProperty("weekly").GetArrayLength());
    }

    [Fact]
    public async Task A_schedule_with_overlapping_windows_is_400_and_a_valid_one_replaces_the_old()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var id = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var closedDate = ResourceSteps.Date(ResourceSteps.Soon);

        var overlapping = await _client.SendAsync(HttpMethod.Put, $"/api/v1/resources/{id}/schedule", owner.AccessToken, new
        {
            weekly = new[] { new { day = "monday", start = "09:00", end = "12:00" }, new { day = "monday", start = "11:00", end = "13:00" } },
        });
        var valid = await _client.SendAsync(HttpMethod.Put, $"/api/v1/resources/{id}/schedule", owner.AccessToken, new
        {
            weekly = new[] { new { day = "monday", start = "09:00", end = "12:00" } },
            exceptions = new[] { new { date = closedDate, closed = true } },
        });

        await overlapping.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var resource = await valid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, resource.GetProperty("weekly").GetArrayLength());
        Assert.Equal(closedDate, resource.GetProperty("exceptions")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Availability_lists_the_free_slots_of_each_date_in_the_range()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var id = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var from = ResourceSteps.Soon;

        var slots = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/availability?from={ResourceSteps.Date(from)}&to={ResourceSteps.Date(from.AddDays(1))}&durationMinutes=60");

        Assert.Equal(20, slots.GetArrayLength());
        var first = slots[0];
        Assert.Equal(ResourceSteps.Date(from), first.GetProperty("date").GetString());
        Assert.Equal("08:00", first.GetProperty("start").GetString());
        Assert.Equal("09:00", first.GetProperty("end").GetString());
        Assert.Equal(new DateTimeOffset(from.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), first.GetProperty("startUtc").GetDateTimeOffset());
    }

    [Fact]
    public async Task Availability_refuses_a_range_over_31_days_or_backwards_and_an_unknown_resource()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var id = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var from = ResourceSteps.Soon;

        var tooLong = await _client.GetAsync($"/api/v1/resources/{id}/availability?from={ResourceSteps.Date(from)}&to={ResourceSteps.Date(from.AddDays(31))}");
        var backwards = await _client.GetAsync($"/api/v1/resources/{id}/availability?from={ResourceSteps.Date(from)}&to={ResourceSteps.Date(from.AddDays(-1))}");
        var missing = await _client.GetAsync($"/api/v1/resources/{id}/availability?from={ResourceSteps.Date(from)}");
        var unknown = await _client.GetAsync($"/api/v1/resources/{Guid.NewGuid():N}/availability?from={ResourceSteps.Date(from)}&to={ResourceSteps.Date(from)}");

        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task A_day_shows_its_capacity_and_nothing_taken_yet()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var id = (await _client.CreateServiceAsync(owner.AccessToken, capacity: 3)).GetProperty("id").GetString();

        var day = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/days/{ResourceSteps.Date(ResourceSteps.Soon)}");

        Assert.Equal(3, day.GetProperty("capacity").GetInt32());
        Assert.Equal(0, day.GetProperty("taken").GetArrayLength());
        Assert.Equal(0, day.GetProperty("bookings").GetArrayLength());
    }

    [Fact]
    public async Task Delete_deactivates_the_resource_and_it_offers_no_more_slots()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var id = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var date = ResourceSteps.Date(ResourceSteps.Soon);

        var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/v1/resources/{id}", owner.AccessToken);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var resource = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}");
        Assert.False(resource.GetProperty("active").GetBoolean());
        var slots = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/availability?from={date}&to={date}");
        Assert.Equal(0, slots.GetArrayLength());
    }
}
