using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>/api/v1/users over HTTP against PostgreSQL: the admin's role changes and listing, refused to everyone else.</summary>
public sealed class UsersApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task An_admin_changes_a_role_and_it_applies_to_the_users_current_token()
    {
        var admin = await _client.LoginAsync(fixture.Host.AdminEmail, ApiHost.AdminPassword);
        var user = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/v1/users/{user.Account.Id}/role", admin.AccessToken, new { role = "provider" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("provider", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("provider", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_member_changing_a_role_gets_403_problem_details()
    {
        var member = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/v1/users/{member.Account.Id}/role", member.AccessToken, new { role = "admin" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("member", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_user_made_admin_can_then_change_roles()
    {
        var admin = await _client.LoginAsync(fixture.Host.AdminEmail, ApiHost.AdminPassword);
        var promoted = await _client.SignUpAsync();
        var other = await _client.SignUpAsync();
        await _client.SendAsync(HttpMethod.Put, $"/api/v1/users/{promoted.Account.Id}/role", admin.AccessToken, new { role = "admin" });

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/v1/users/{other.Account.Id}/role", promoted.AccessToken, new { role = "provider" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_returns_400_and_an_unknown_user_404()
    {
        var admin = await _client.LoginAsync(fixture.Host.AdminEmail, ApiHost.AdminPassword);
        var user = await _client.SignUpAsync();

        var badRole = await _client.SendAsync(HttpMethod.Put, $"/api/v1/users/{user.Account.Id}/role", admin.AccessToken, new { role = "superuser" });
        var unknownUser = await _client.SendAsync(HttpMethod.Put, $"/api/v1/users/{Guid.NewGuid():N}/role", admin.AccessToken, new { role = "provider" });
        var malformedId = await _client.SendAsync(HttpMethod.Put, "/api/v1/users/not-an-id/role", admin.AccessToken, new { role = "provider" });

        await badRole.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await unknownUser.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await malformedId.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task The_admin_lists_users_in_pages_and_a_member_may_not()
    {
        var admin = await _client.LoginAsync(fixture.Host.AdminEmail, ApiHost.AdminPassword);
        var user = await _client.SignUpAsync();

        var page = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/users?page=1&pageSize=100", admin.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        var asMember = await _client.SendAsync(HttpMethod.Get, "/api/v1/users", user.AccessToken);
        var tooBig = await _client.SendAsync(HttpMethod.Get, "/api/v1/users?pageSize=101", admin.AccessToken);

        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == user.Account.Id);
        await asMember.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await tooBig.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_admin_reads_one_users_profile()
    {
        var admin = await _client.LoginAsync(fixture.Host.AdminEmail, ApiHost.AdminPassword);
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/users/{user.Id}", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Email, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
    }
}
