using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Booking.Tests.Api;

/// <summary>The account routes on the default storage, an SQLite file: register, sign in, refresh, sign out, survive a restart.</summary>
public sealed class SqliteAuthApiTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"booking-api-{Guid.NewGuid():N}.db");
    private ApiHost? _host;

    public Task InitializeAsync()
    {
        _host = ApiHost.Sqlite(_path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Register_login_refresh_and_logout_work_on_sqlite_and_accounts_survive_a_restart()
    {
        var client = _host!.CreateClient();
        var user = await client.SignUpAsync();
        var kept = await client.LoginAsync(user.Account.Email);
        var duplicate = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = user.Account.Email, password = ApiClient.Password, firstName = "A", lastName = "B" });
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
        var refreshed = await ApiClient.ReadTokensAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }));
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/logout", refreshed.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/api/v1/me", refreshed.AccessToken)).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await _host.DisposeAsync();
        _host = ApiHost.Sqlite(_path);
        client = _host.CreateClient();

        // The generated signing key is kept in the database, so a token from before the restart still works.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/me", kept.AccessToken)).StatusCode);
        var again = await client.LoginAsync(user.Account.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/me", again.AccessToken)).StatusCode);
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Account.Email, password = "wrong-password" });
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}
