using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;

namespace Booking.Tests.Reliability;

/// <summary>Through the API: a provider with capacity-1 services open 08:00-18:00 UTC on an hour grid, and signed-in bookers.</summary>
internal static class LoadSetup
{
    public static async Task<IReadOnlyList<string>> CreateServicesAsync(HttpClient client, string adminEmail, string adminPassword, int count)
    {
        var admin = await client.LoginAsync(adminEmail, adminPassword);
        var provider = await client.SignUpAsync();
        var promoted = await client.SendAsync(HttpMethod.Put, $"/api/v1/users/{provider.Account.Id}/role", admin.AccessToken, new { role = "provider" });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await client.CreateServiceAsync(provider.AccessToken)).GetProperty("id").GetString()!);
        }

        return ids;
    }

    public static async Task<IReadOnlyList<LoadUser>> SignUpUsersAsync(HttpClient client, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var signedIn = await client.SignUpAsync();
            return new LoadUser(signedIn.Account.Id, signedIn.AccessToken);
        }));

    /// <summary>Three days from two days ahead, so every slot lies in the future.</summary>
    public static IReadOnlyList<DateOnly> Dates => [ResourceSteps.Soon, ResourceSteps.Soon.AddDays(1), ResourceSteps.Soon.AddDays(2)];

    /// <summary>The hours (08..17) taken on a resource-day, as the API's occupancy view reports them.</summary>
    public static async Task<SortedSet<int>> TakenHoursAsync(HttpClient client, string resourceId, DateOnly date)
    {
        var response = await client.GetAsync($"/api/v1/resources/{resourceId}/days/{ResourceSteps.Date(date)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var day = await response.Content.ReadFromJsonAsync<JsonElement>();
        var hours = new SortedSet<int>();
        foreach (var segment in day.GetProperty("taken").EnumerateArray().Where(s => s.GetProperty("booked").GetInt32() > 0))
        {
            var start = TimeOnly.Parse(segment.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var endText = segment.GetProperty("end").GetString()!;
            var end = endText is "24:00" or "00:00" ? 24 : TimeOnly.Parse(endText, System.Globalization.CultureInfo.InvariantCulture).Hour;
            for (var hour = start.Hour; hour < end; hour++)
            {
                hours.Add(hour);
            }
        }

        return hours;
    }
}
