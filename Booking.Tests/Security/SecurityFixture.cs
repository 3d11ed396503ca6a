using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.Tests.Security;

/// <summary>
/// An API host over its own PostgreSQL database whose logs are captured, with a small world of accounts and objects
/// owned by each (<see cref="SecurityWorld"/>) for the hostile-input and authorization tests.
/// </summary>
public sealed class SecurityFixture : PostgresApiFixture
{
    private readonly SemaphoreSlim _worldLock = new(1, 1);
    private SecurityWorld? _world;

    public CapturedLogs Logs { get; } = new();

    internal async Task<SecurityWorld> WorldAsync()
    {
        await _worldLock.WaitAsync();
        try
        {
            return _world ??= await BuildWorldAsync(Host.CreateClient());
        }
        finally
        {
            _worldLock.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));

    private async Task<SecurityWorld> BuildWorldAsync(HttpClient client)
    {
        var admin = await client.LoginAsync(Host.AdminEmail, ApiHost.AdminPassword);
        var provider = await client.SignUpProviderAsync(Host);
        var otherProvider = await client.SignUpProviderAsync(Host);
        var member = await client.SignUpAsync();
        var stranger = await client.SignUpAsync();
        var sacrificial = await client.SignUpAsync();

        var serviceId = (await client.CreateServiceAsync(provider.AccessToken)).GetProperty("id").GetString()!;
        var otherServiceId = (await client.CreateServiceAsync(otherProvider.AccessToken)).GetProperty("id").GetString()!;
        var mentorId = await CreateMentorAsync(client, provider.AccessToken);

        var date = ResourceSteps.Date(ResourceSteps.Soon);
        var booked = await client.SendAsync(HttpMethod.Post, "/api/v1/bookings", member.AccessToken, new { resourceId = serviceId, date, start = "10:00", end = "11:00" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var session = await client.SendAsync(HttpMethod.Post, $"/api/mentors/{mentorId}/book", member.AccessToken, new
        {
            session_date = $"{date}T09:00:00",
            duration_minutes = 60,
            subject = "Algebra",
        });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        var sessionId = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session").GetProperty("id").ToString();

        var held = await client.SendAsync(HttpMethod.Post, "/api/v1/holds", member.AccessToken, new { resourceId = serviceId, date, start = "14:00", end = "15:00" });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        var holdId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var site = await client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin.AccessToken, new { name = "North lot", address = "1 Main St", slotCount = 3 });
        Assert.Equal(HttpStatusCode.Created, site.StatusCode);
        var siteId = (await site.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var parked = await client.SendAsync(HttpMethod.Post, $"/api/v1/sites/{siteId}/bookings", member.AccessToken, new { date, period = "morning" });
        Assert.Equal(HttpStatusCode.Created, parked.StatusCode);
        var parkingBookingId = (await parked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("booking").GetProperty("id").GetString()!;

        return new SecurityWorld
        {
            Admin = admin,
            AdminId = await UserIdOfAsync(client, admin.AccessToken),
            Provider = provider,
            OtherProvider = otherProvider,
            Member = member,
            Stranger = stranger,
            Sacrificial = sacrificial,
            ServiceId = serviceId,
            OtherServiceId = otherServiceId,
            MentorId = mentorId,
            BookingId = bookingId,
            SessionId = sessionId,
            HoldId = holdId,
            SiteId = siteId,
            ParkingBookingId = parkingBookingId,
            Date = date,
            NotificationId = await FirstNotificationAsync(client, member.AccessToken),
        };
    }

    private static async Task<string> CreateMentorAsync(HttpClient client, string providerToken)
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/v1/resources", providerToken, new
        {
            kind = "mentor",
            name = "Dr. Mentor",
            timeZone = "UTC",
            slotMinutes = 30,
            durations = new[] { 30, 60, 90, 120 },
            weekly = Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), start = "08:00", end = "18:00" }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> UserIdOfAsync(HttpClient client, string token)
    {
        var me = await client.SendAsync(HttpMethod.Get, "/api/v1/me", token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        return (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    // Notifications are delivered after the booking's answer, so the first one may take a moment to arrive.
    private static async Task<string> FirstNotificationAsync(HttpClient client, string token)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var page = await (await client.SendAsync(HttpMethod.Get, "/api/v1/notifications", token)).Content.ReadFromJsonAsync<JsonElement>();
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first)
            {
                return first.GetProperty("id").GetString()!;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The member's booking notification never arrived.");
    }
}
