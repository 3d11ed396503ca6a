using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Reliability;

namespace Booking.Tests.Cluster;

/// <summary>
/// A morning rush on a parking site over HTTP: every member asks at once for a place (any free slot) in the morning or the
/// afternoon of one date, through the API hosts in turn.
/// </summary>
internal static class SiteRush
{
    public static readonly string[] Periods = ["morning", "afternoon"];

    public static DateOnly Date => Api.ResourceSteps.Soon;

    /// <summary>A site of <paramref name="slots"/> parking slots (07:00–13:00 morning, 13:00–20:00 afternoon) created by the admin.</summary>
    public static async Task<string> CreateSiteAsync(HttpClient client, int slots)
    {
        var admin = await client.LoginAsync(ProcessCluster.AdminEmail, ProcessCluster.AdminPassword);
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin.AccessToken, new { name = "Rush", address = "1 Main St", slotCount = slots });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Member <c>i</c> asks for <see cref="Periods"/>[(i + <paramref name="shift"/>) % 2] through <paramref name="clients"/>[i % count],
    /// all at once.
    /// </summary>
    public static async Task<(IReadOnlyList<Answer> Answers, TimeSpan Elapsed)> RunAsync(IReadOnlyList<HttpClient> clients, string siteId, IReadOnlyList<LoadUser> members, int shift = 0)
    {
        using var start = new SemaphoreSlim(0);
        var clock = new Stopwatch();
        var asks = members.Select(async (member, i) =>
        {
            await start.WaitAsync();
            var period = Periods[(i + shift) % Periods.Length];
            var client = clients[i % clients.Count];
            using var response = await client.SendAsync(HttpMethod.Post, $"/api/v1/sites/{siteId}/bookings", member.AccessToken, new { date = Api.ResourceSteps.Date(Date), period });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return new Answer(member.Id, period, i % clients.Count, response.StatusCode,
                response.StatusCode == HttpStatusCode.Created ? body.GetProperty("booking").GetProperty("id").GetString() : null,
                body.TryGetProperty("code", out var code) ? code.GetString() : null);
        }).ToList();
        clock.Start();
        start.Release(members.Count);
        var answers = await Task.WhenAll(asks);
        clock.Stop();
        return (answers, clock.Elapsed);
    }

    internal sealed record Answer(string UserId, string Period, int Host, HttpStatusCode Status, string? BookingId, string? Code);
}
