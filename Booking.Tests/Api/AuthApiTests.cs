using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Tests.Api;

/// <summary>/api/v1/auth over HTTP against PostgreSQL: registration, sign-in, refresh rotation, sign-out, password change and reset.</summary>
public sealed class AuthApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Register_returns_201_with_the_id_email_and_member_role()
    {
        var email = ApiClient.NewEmail();

        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiClient.Password, firstName = "Ada", lastName = "Lovelace" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        Assert.True(UserId.IsValid(id));
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal("member", body.GetProperty("role").GetString());
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Registering_an_email_twice_returns_409_email_taken_whatever_its_case()
    {
        var account = await _client.RegisterAsync();

        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { email = account.Email.ToUpperInvariant(), password = "another-password", firstName = "Eve", lastName = "Mallory" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
        await _client.LoginAsync(account.Email);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_create_exactly_one_account()
    {
        var email = ApiClient.NewEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = $"password-{i}-long", firstName = "Racer", lastName = $"No{i}" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Theory]
    [InlineData("not-an-email", "email")]
    [InlineData("Name <a@example.com>", "email")]
    [InlineData("a@localhost", "email")]
    public async Task Register_with_a_bad_email_returns_400(string email, string field)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiClient.Password, firstName = "A", lastName = "B" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Register_with_a_password_shorter_than_8_characters_returns_400_saying_so()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = "short7c", firstName = "A", lastName = "B" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("8", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Login_returns_a_bearer_token_pair_whose_access_token_works()
    {
        var account = await _client.RegisterAsync();

        var response = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(15 * 60, body.GetProperty("expiresIn").GetInt32());
        Assert.StartsWith(account.Id + ".", body.GetProperty("refreshToken").GetString());
        var me = await _client.SendAsync(HttpMethod.Get, "/api/v1/me", body.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Login_answers_a_wrong_password_and_an_unknown_email_with_the_same_401()
    {
        var account = await _client.RegisterAsync();

        var wrongPassword = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "wrong-password" });
        var unknownEmail = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiClient.NewEmail(), password = account.Password });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Refresh_returns_a_new_pair_and_the_old_refresh_token_stops_working()
    {
        var user = await _client.SignUpAsync();

        var refreshed = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = await ApiClient.ReadTokensAsync(refreshed);
        Assert.NotEqual(user.Tokens.RefreshToken, next.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", next.AccessToken)).StatusCode);

        var again = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });
        await again.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_ends_the_session_for_its_newer_tokens_too()
    {
        var user = await _client.SignUpAsync();
        var next = await ApiClient.ReadTokensAsync(await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }));

        await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });

        var stolen = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = next.RefreshToken });
        await stolen.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        var me = await _client.SendAsync(HttpMethod.Get, "/api/v1/me", next.AccessToken);
        await me.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("0123456789abcdef0123456789abcdef.not-a-real-secret")]
    public async Task Refresh_with_an_unknown_token_returns_401(string refreshToken)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Logout_revokes_the_current_access_token_and_the_refresh_token_but_not_other_sessions()
    {
        var user = await _client.SignUpAsync();
        var otherSession = await _client.LoginAsync(user.Account.Email);

        var logout = await _client.SendAsync(HttpMethod.Post, "/api/v1/auth/logout", user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var me = await _client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken);
        await me.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var refresh = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", otherSession.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Logout_without_a_token_returns_401()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/auth/logout");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_signs_out_the_other_sessions()
    {
        var user = await _client.SignUpAsync();
        var otherSession = await _client.LoginAsync(user.Account.Email);

        var wrong = await _client.SendAsync(HttpMethod.Post, "/api/v1/auth/password/change", user.AccessToken, new { currentPassword = "not-my-password", newPassword = "brand-new-password" });
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_current_password");

        var changed = await _client.SendAsync(HttpMethod.Post, "/api/v1/auth/password/change", user.AccessToken, new { currentPassword = user.Account.Password, newPassword = "brand-new-password" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var oldLogin = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Account.Email, password = user.Account.Password });
        await oldLogin.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await _client.LoginAsync(user.Account.Email, "brand-new-password");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", otherSession.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Changing_to_a_short_password_returns_400()
    {
        var user = await _client.SignUpAsync();

        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/auth/password/change", user.AccessToken, new { currentPassword = user.Account.Password, newPassword = "short" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_password_reset_code_goes_to_the_mail_outbox_not_the_response_and_works_once()
    {
        var user = await _client.SignUpAsync();

        var requested = await _client.PostAsJsonAsync("/api/v1/auth/password/reset", new { email = user.Account.Email });

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var responseText = await requested.Content.ReadAsStringAsync();
        var token = await ResetTokenFromOutboxAsync(user.Account.Id);
        Assert.DoesNotContain(token, responseText, StringComparison.Ordinal);

        var confirmed = await _client.PostAsJsonAsync("/api/v1/auth/password/reset/confirm", new { token, newPassword = "reset-password-1" });
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        await _client.LoginAsync(user.Account.Email, "reset-password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken)).StatusCode);

        var reused = await _client.PostAsJsonAsync("/api/v1/auth/password/reset/confirm", new { token, newPassword = "reset-password-2" });
        await reused.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_reset_token");
    }

    [Fact]
    public async Task A_password_reset_for_an_unknown_email_is_accepted_the_same_way()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/password/reset", new { email = ApiClient.NewEmail() });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("0123456789abcdef0123456789abcdef.wrong")]
    public async Task Confirming_a_reset_with_an_unknown_token_returns_400(string token)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/password/reset/confirm", new { token, newPassword = "whatever-password" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_reset_token");
    }

    private async Task<string> ResetTokenFromOutboxAsync(string userId)
    {
        return await Booking.Tests.Messages.OutboxMail.ResetCodeAsync(fixture.Host.Services, userId);
    }
}
