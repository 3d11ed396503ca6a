using System.Net;
using System.Net.Http.Json;
using Booking.Tests.Api;
using Npgsql;

namespace Booking.Tests.Security;

/// <summary>
/// Passwords and tokens stay secret: no log entry at any level (messages, properties, scopes, exceptions) holds one, and
/// the database holds refresh tokens and passwords only as hashes.
/// </summary>
public sealed class SecretHandlingTests(ThrottleFixture fixture) : IClassFixture<ThrottleFixture>
{
    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_logs_at_any_level()
    {
        var client = fixture.NewClient();
        var secrets = new List<string>();
        string Secret(string value)
        {
            secrets.Add(value);
            return value;
        }

        var email = ApiClient.NewEmail("secret");
        var password = Secret("Pw-" + Guid.NewGuid().ToString("N"));
        var mark = fixture.Logs.Entries.Count;

        var account = await client.RegisterAsync(email, password);
        var tokens = await client.LoginAsync(email, password);
        Secret(tokens.AccessToken);
        Secret(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens.AccessToken)).StatusCode);
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        var renewed = await ApiClient.ReadTokensAsync(refreshed);
        Secret(renewed.AccessToken);
        Secret(renewed.RefreshToken);
        var reused = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);

        var second = await fixture.NewClient().LoginAsync(email, password);
        Secret(second.AccessToken);
        var newPassword = Secret("New-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.NewClient().SendAsync(HttpMethod.Post, "/api/v1/auth/password/change", second.AccessToken, new { currentPassword = password, newPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/password/reset", new { email })).StatusCode);
        var resetToken = Secret(await ResetTokenAsync(account.Id));
        var resetPassword = Secret("Reset-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/password/reset/confirm", new { token = resetToken, newPassword = resetPassword })).StatusCode);
        var wrongGuess = Secret("Guess-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = wrongGuess })).StatusCode);
        var last = await fixture.NewClient().LoginAsync(email, resetPassword);
        Secret(last.AccessToken);
        Secret(last.RefreshToken);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.NewClient().SendAsync(HttpMethod.Post, "/api/v1/auth/logout", last.AccessToken)).StatusCode);

        // A JWT's signature alone would be enough to matter, and a refresh token's secret is the part after the user id.
        var fragments = secrets
            .Concat(secrets.Where(s => s.Count(c => c == '.') == 2).Select(s => s[(s.LastIndexOf('.') + 1)..]))
            .Concat(secrets.Where(s => s.StartsWith(account.Id + ".", StringComparison.Ordinal)).Select(s => s[(account.Id.Length + 1)..]))
            .ToList();
        var entries = fixture.Logs.Entries.Skip(mark).ToList();
        Assert.True(entries.Count > 50, $"Only {entries.Count} entries were captured: is Trace logging on?");
        foreach (var entry in entries)
        {
            foreach (var fragment in fragments)
            {
                Assert.False(entry.AllText.Contains(fragment, StringComparison.Ordinal), $"A secret reached the log: {entry}");
            }
        }
    }

    [Fact]
    public async Task The_database_holds_refresh_tokens_and_passwords_only_as_hashes()
    {
        var client = fixture.NewClient();
        var password = "Pw-" + Guid.NewGuid().ToString("N");
        var account = await client.RegisterAsync(ApiClient.NewEmail("at-rest"), password);
        var tokens = await client.LoginAsync(account.Email, password);
        var renewed = await ApiClient.ReadTokensAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }));

        var everything = await DumpDatabaseAsync(fixture.Database.DataSource);

        Assert.Contains(account.Id, everything, StringComparison.Ordinal);
        foreach (var secret in new[] { password, tokens.RefreshToken, renewed.RefreshToken, Secret(tokens.RefreshToken), Secret(renewed.RefreshToken), tokens.AccessToken, renewed.AccessToken })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private static string Secret(string refreshToken) => refreshToken[(refreshToken.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private async Task<string> ResetTokenAsync(string userId)
    {
        return await Booking.Tests.Messages.OutboxMail.ResetCodeAsync(fixture.Host.Services, userId);
    }

    // Every row of every table, as text. Table names come from the catalog, never from input.
    private static async Task<string> DumpDatabaseAsync(NpgsqlDataSource dataSource)
    {
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("grain_state", tables);
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = dataSource.CreateCommand($"SELECT t::text FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" t");
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(reader.GetString(0)).Append('\n');
            }
        }

        return text.ToString();
    }
}
