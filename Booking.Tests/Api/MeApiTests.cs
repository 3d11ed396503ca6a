using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>/api/v1/me over HTTP against PostgreSQL: profile, export and anonymisation.</summary>
public sealed class MeApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Get_me_returns_the_profile()
    {
        var user = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(user.Account.Id, me.GetProperty("id").GetString());
        Assert.Equal(user.Account.Email, me.GetProperty("email").GetString());
        Assert.Equal("Ada", me.GetProperty("firstName").GetString());
        Assert.Equal("member", me.GetProperty("role").GetString());
        Assert.False(me.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Put_me_replaces_names_and_phone()
    {
        var user = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Put, "/api/v1/me", user.AccessToken, new { firstName = "Grace", lastName = "Hopper", phone = "+33 6 12 34 56 78" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Grace", me.GetProperty("firstName").GetString());
        Assert.Equal("Hopper", me.GetProperty("lastName").GetString());
        Assert.Equal("+33 6 12 34 56 78", me.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Put_me_with_a_bad_phone_or_no_first_name_returns_400()
    {
        var user = await _client.SignUpAsync();

        var badPhone = await _client.SendAsync(HttpMethod.Put, "/api/v1/me", user.AccessToken, new { firstName = "Grace", lastName = "Hopper", phone = "call me maybe" });
        var noName = await _client.SendAsync(HttpMethod.Put, "/api/v1/me", user.AccessToken, new { lastName = "Hopper" });

        var problem = await badPhone.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
        await noName.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Export_returns_the_profile_and_sessions_without_secrets()
    {
        var user = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/me/export", user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;
        Assert.Equal(user.Account.Email, export.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(1, export.GetProperty("sessions").GetArrayLength());
        Assert.DoesNotContain("pbkdf2", text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Tokens.RefreshToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_me_anonymises_the_account_ends_its_sessions_and_frees_the_email()
    {
        var user = await _client.SignUpAsync();

        var deleted = await _client.SendAsync(HttpMethod.Delete, "/api/v1/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken)).StatusCode);
        var login = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Account.Email, password = user.Account.Password });
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var again = await _client.RegisterAsync(user.Account.Email);
        Assert.NotEqual(user.Account.Id, again.Id);
    }

    [Fact]
    public async Task Me_without_a_token_or_with_a_forged_one_returns_401()
    {
        var none = await _client.SendAsync(HttpMethod.Get, "/api/v1/me");
        var forged = await _client.SendAsync(HttpMethod.Get, "/api/v1/me",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZiJ9.c2lnbmF0dXJl");

        await none.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await forged.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
