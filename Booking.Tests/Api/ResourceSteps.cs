using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>Set-up steps of the resource, booking and site tests: a provider, an open resource, dates ahead.</summary>
internal static class ResourceSteps
{
    /// <summary>Two days ahead (UTC), so every slot of the day lies in the future.</summary>
    public static DateOnly Soon => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> AdminTokenAsync(this HttpClient client, ApiHost host) =>
        (await client.LoginAsync(host.AdminEmail, ApiHost.AdminPassword)).AccessToken;

    /// <summary>A new user whom the admin made a provider; the token they already hold carries the new role.</summary>
    public static async Task<SignedIn> SignUpProviderAsync(this HttpClient client, ApiHost host)
    {
        var provider = await client.SignUpAsync();
        var promoted = await client.SendAsync(HttpMethod.Put, $"/api/v1/users/{provider.Account.Id}/role", await client.AdminTokenAsync(host), new { role = "provider" });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        return provider;
    }

    /// <summary>Books with <paramref name="token"/>, fails the test unless the answer is 201, and returns the booking's id.</summary>
    public static async Task<string> BookAsync(this HttpClient client, string token, object body)
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/v1/bookings", token, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A service open every day 08:00-18:00 UTC on a one-hour grid, created by <paramref name="providerToken"/>.</summary>
    public static async Task<JsonElement> CreateServiceAsync(this HttpClient client, string providerToken, int capacity = 1, decimal? price = null, string? currency = null)
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/v1/resources", providerToken, new
        {
            kind = "service",
            name = "Haircut",
            capacity,
            timeZone = "UTC",
            slotMinutes = 60,
            durations = new[] { 60 },
            weekly = Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), start = "08:00", end = "18:00" }),
            cancellationCutoffMinutes = 60,
            price,
            currency,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
