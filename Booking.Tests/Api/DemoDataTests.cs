using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Silo.Hosting;
using Booking.Tests.Infrastructure;
using Booking.Web.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Booking.Tests.Api;

/// <summary>First-run demo data on the default store, an SQLite file: what a first start shows, and what later starts leave alone.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    // As a plain `dotnet run` would be: no admin configured, demo mode left to its default.
    private static readonly Dictionary<string, string?> FirstRun = new()
    {
        ["Booking:Admin:Email"] = null,
        ["Booking:Admin:Password"] = null,
        ["Booking:Demo:Enabled"] = null,
    };

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"booking-demo-{Guid.NewGuid():N}.db");
    private ApiHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

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
    public async Task A_first_start_seeds_a_working_demo_whose_logged_credentials_sign_in_and_a_second_start_adds_nothing()
    {
        var logs = new CapturedLogs();
        var client = await StartAsync(FirstRun, logs);

        var credentials = Credentials(logs);
        Assert.Equal(
            [DemoData.AdminEmail, DemoData.MemberEmail, DemoData.MentorEmail, DemoData.ProviderEmail],
            credentials.Keys.Order(StringComparer.Ordinal));
        var admin = await client.LoginAsync(DemoData.AdminEmail, credentials[DemoData.AdminEmail]);
        var member = await client.LoginAsync(DemoData.MemberEmail, credentials[DemoData.MemberEmail]);
        Assert.Equal(4, await CountAccountsAsync(client, admin.AccessToken));

        var monday = NextMonday();
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{DemoData.MentorId}/availability?from={ResourceSteps.Date(monday)}&to={ResourceSteps.Date(monday.AddDays(6))}&durationMinutes=60");
        Assert.NotEqual(0, slots.GetArrayLength());
        Assert.All(slots.EnumerateArray(), s =>
        {
            Assert.InRange(DateOnly.Parse(s.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday);
            Assert.InRange(s.GetProperty("start").GetString()!, "09:00", "16:00");
        });
        var parking = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/sites/{DemoData.SiteId}/slots?date={ResourceSteps.Date(monday)}&period=morning", member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(20, parking.GetArrayLength());
        var salon = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{DemoData.SalonId}");
        Assert.Equal((3, 30, "service"), (salon.GetProperty("capacity").GetInt32(), salon.GetProperty("slotMinutes").GetInt32(), salon.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(HttpMethod.Post, "/api/v1/bookings", member.AccessToken, new { resourceId = DemoData.MentorId, date = ResourceSteps.Date(monday), start = "10:00", durationMinutes = 90 })).StatusCode);

        await _host!.DisposeAsync();
        var again = new CapturedLogs();
        client = await StartAsync(FirstRun, again);

        Assert.Empty(Credentials(again));
        admin = await client.LoginAsync(DemoData.AdminEmail, credentials[DemoData.AdminEmail]);
        Assert.Equal(4, await CountAccountsAsync(client, admin.AccessToken));
    }

    [Fact]
    public async Task With_a_configured_admin_the_demo_makes_no_admin_of_its_own_and_never_logs_the_configured_password()
    {
        var logs = new CapturedLogs();
        var client = await StartAsync(new Dictionary<string, string?> { ["Booking:Demo:Enabled"] = null }, logs);

        Assert.Equal([DemoData.MemberEmail, DemoData.MentorEmail, DemoData.ProviderEmail], Credentials(logs).Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(ApiHost.AdminPassword, StringComparison.Ordinal));
        var admin = await client.LoginAsync(_host!.AdminEmail, ApiHost.AdminPassword);
        Assert.Equal(4, await CountAccountsAsync(client, admin.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/resources/{DemoData.MentorId}")).StatusCode);
    }

    [Fact]
    public async Task No_demo_data_when_it_is_switched_off_nor_later_on_a_database_that_has_users_already()
    {
        var client = await StartAsync(new Dictionary<string, string?> { ["Booking:Demo:Enabled"] = "false" });
        await client.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/resources/{DemoData.MentorId}")).StatusCode);

        await _host!.DisposeAsync();
        var logs = new CapturedLogs();
        client = await StartAsync(FirstRun, logs);

        Assert.Empty(Credentials(logs));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/resources/{DemoData.MentorId}")).StatusCode);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, null, true)]
    [InlineData(StorageProvider.Postgres, null, false)]
    [InlineData(StorageProvider.Memory, null, false)]
    [InlineData(StorageProvider.Sqlite, false, false)]
    [InlineData(StorageProvider.Postgres, true, true)]
    public void Demo_mode_defaults_to_on_for_sqlite_only(StorageProvider provider, bool? configured, bool enabled)
    {
        Assert.Equal(enabled, new DemoOptions { Enabled = configured }.IsEnabledFor(provider));
    }

    private async Task<HttpClient> StartAsync(IReadOnlyDictionary<string, string?> settings, CapturedLogs? logs = null)
    {
        _host = ApiHost.Sqlite(_path, settings, logs);
        var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        return client;
    }

    /// <summary>The demo accounts whose generated passwords were logged, by email.</summary>
    private static Dictionary<string, string> Credentials(CapturedLogs logs) =>
        logs.Entries
            .Where(e => e.Category == typeof(DemoDataSeeder).FullName && e.Level == LogLevel.Warning && e.Property("Password") is not null)
            .ToDictionary(e => e.Property("Email")!, e => e.Property("Password")!);

    private static async Task<int> CountAccountsAsync(HttpClient client, string adminToken)
    {
        var page = await (await client.SendAsync(HttpMethod.Get, "/api/v1/users", adminToken)).Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("total").GetInt32();
    }

    private static DateOnly NextMonday()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        return tomorrow.AddDays(((int)DayOfWeek.Monday - (int)tomorrow.DayOfWeek + 7) % 7);
    }
}
