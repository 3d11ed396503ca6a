using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace Booking.Tests.Api;

/// <summary>
/// The rush over HTTP against PostgreSQL: 500 distinct members ask at once for 50 slot-periods (25 parking slots ×
/// morning and afternoon), half naming a slot (POST /api/v1/bookings), half asking the site for any free one
/// (POST /api/v1/sites/{id}/bookings), so both paths race for the same slots. Then the bookings table is audited in SQL.
/// </summary>
public sealed class ConcurrentBookingApiTests(PostgresApiFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresApiFixture>
{
    private const int Slots = 25;
    private const int Requests = 500;
    private static readonly string[] Periods = ["morning", "afternoon"];

    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Five_hundred_concurrent_requests_for_fifty_slot_periods_confirm_exactly_fifty_and_refuse_the_rest_with_409()
    {
        var admin = await _client.AdminTokenAsync(fixture.Host);
        var created = await _client.SendAsync(HttpMethod.Post, "/api/v1/sites", admin, new { name = "Rush", slotCount = Slots });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var site = await created.Content.ReadFromJsonAsync<JsonElement>();
        var siteId = site.GetProperty("id").GetString()!;
        var slotIds = site.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("resourceId").GetString()!).ToArray();
        var date = ResourceSteps.Date(ResourceSteps.Soon);
        var clock = Stopwatch.StartNew();
        var members = await SeededMembers.CreateAsync(fixture.Host, Requests);
        var seeded = clock.Elapsed;

        // Even requests name slot-period (i / 2) % 50, five per slot-period, so every slot-period is asked for by name;
        // odd ones ask the site for any free slot in alternating periods.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = members.Select((member, i) => Task.Run(async () =>
        {
            await start.Task;
            var slotPeriod = (i / 2) % (Slots * Periods.Length);
            var response = i % 2 == 0
                ? await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", member.AccessToken, new { resourceId = slotIds[slotPeriod % Slots], date, period = Periods[slotPeriod / Slots] })
                : await _client.SendAsync(HttpMethod.Post, $"/api/v1/sites/{siteId}/bookings", member.AccessToken, new { date, period = Periods[(i / 2) % Periods.Length] });
            return (Member: member, Status: response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        })).ToArray();
        clock.Restart();
        start.SetResult();
        var answers = await Task.WhenAll(calls);
        output.WriteLine($"seeded {Requests} members in {seeded.TotalSeconds:F1} s; {Requests} concurrent requests answered in {clock.Elapsed.TotalSeconds:F1} s");

        var confirmed = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        var refused = answers.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(Slots * Periods.Length, confirmed.Count);
        Assert.All(refused, a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains(a.Body.GetProperty("code").GetString(), new[] { "slot_unavailable", "site_full" });
        });
        var confirmedIds = confirmed
            .Select(a => (a.Body.TryGetProperty("booking", out var booking) ? booking : a.Body).GetProperty("id").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(confirmedIds, await ReadIdsAsync(
            "SELECT id FROM bookings WHERE resource_id = ANY($1) AND status = 'confirmed' ORDER BY id", slotIds));
        Assert.Empty(await ReadIdsAsync(
            "SELECT id FROM bookings WHERE resource_id = ANY($1) AND status <> 'confirmed'", slotIds));
        Assert.Empty(await ReadIdsAsync("""
            SELECT a.id FROM bookings a JOIN bookings b ON a.resource_id = b.resource_id AND a.id < b.id
            WHERE a.resource_id = ANY($1) AND a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')
              AND tstzrange(a.start_utc, a.end_utc, '[)') && tstzrange(b.start_utc, b.end_utc, '[)')
            """, slotIds));
        Assert.Empty(await ReadIdsAsync("""
            SELECT a.id FROM bookings a JOIN bookings b ON a.user_id = b.user_id AND a.id < b.id
            WHERE a.user_id = ANY($1) AND a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')
              AND tstzrange(a.start_utc, a.end_utc, '[)') && tstzrange(b.start_utc, b.end_utc, '[)')
            """, [.. members.Select(m => m.Account.Id)]));
        Assert.Equal(confirmed.Count, confirmed.Select(a => a.Member.Account.Id).Distinct().Count());
    }

    private async Task<List<string>> ReadIdsAsync(string sql, string[] values)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
