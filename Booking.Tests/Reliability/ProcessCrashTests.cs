using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Booking.Tests.Reliability;

/// <summary>
/// Booking.Web as its own process on PostgreSQL, killed (SIGKILL) at a random moment of a booking load and started
/// again on the same database: the table and both grains' views tell the clients' story exactly.
/// </summary>
public sealed class ProcessCrashTests(ITestOutputHelper output)
{
    private const string AdminEmail = "crash-admin@example.com";
    private const string AdminPassword = "crash-admin-password";

    [Fact]
    public async Task Killing_the_api_mid_load_loses_no_confirmed_booking_half_writes_nothing_and_the_views_agree_after_restart()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Booking:Storage:Provider"] = "Postgres",
            ["Booking:Storage:ConnectionString"] = database.ConnectionString,
            ["Booking:Admin:Email"] = AdminEmail,
            ["Booking:Admin:Password"] = AdminPassword,
            ["Booking:RateLimiting:Auth:PermitLimit"] = "100000",
            ["Booking:Demo:Enabled"] = "false",

            // The restarted process takes the same silo endpoint: Orleans sees a newer generation there and declares
            // the killed silo dead at once instead of probing it.
            ["Booking:Cluster:SiloPort"] = ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Booking:Cluster:GatewayPort"] = "0",
        };

        IReadOnlyList<string> resources;
        IReadOnlyList<LoadUser> users;
        List<BookingAttempt> attempts;
        IReadOnlyCollection<string> firstOutput;
        await using (var first = await WebProcess.StartAsync(settings))
        {
            using var client = first.CreateClient();
            resources = await LoadSetup.CreateServicesAsync(client, AdminEmail, AdminPassword, 8);
            users = await LoadSetup.SignUpUsersAsync(client, 12);
            var load = new BookingLoad(users, resources, LoadSetup.Dates, seed);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(_ => client, stop.Token);

            // A random moment while bookings are still being won: after 20 to 200 answers (of 240 free slots), and up to 150 ms more.
            var threshold = random.Next(20, 200);
            while (load.Answered < threshold && !running.IsCompleted)
            {
                await Task.Delay(5);
            }

            await Task.Delay(random.Next(0, 150));
            first.Crash();
            await stop.CancelAsync();
            await running;
            attempts = [.. load.Attempts];
            firstOutput = [.. first.Output];
        }

        output.WriteLine($"before the crash: {attempts.Count(a => a.Confirmed)} × 201, {attempts.Count(a => a.Status is { } s && (int)s is >= 400 and < 500)} × 4xx, "
            + $"{attempts.Count(a => a.OutcomeUnknown)} without answer");
        output.WriteLine(string.Join(", ", attempts.GroupBy(a => a.Status is { } s ? $"{(int)s} {a.Code}" : "no answer").Select(g => $"{g.Key} × {g.Count()}")));
        Assert.Contains(attempts, a => a.Confirmed);
        Assert.DoesNotContain(attempts, a => a.Status is { } s && (int)s >= 500);
        AssertJsonLogs(firstOutput, users);

        await using var second = await WebProcess.StartAsync(settings);
        using var after = second.CreateClient();
        var audit = await BookingsAudit.ReadAsync(database.ConnectionString);
        var problems = audit.Problems(attempts);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // The resource-day view (each grain reloaded from storage) shows exactly the confirmed rows.
        foreach (var resource in resources)
        {
            foreach (var date in LoadSetup.Dates)
            {
                var expected = new SortedSet<int>(audit.Confirmed.Where(r => r.ResourceId == resource && r.Date == date).Select(r => r.Start.Hour));
                Assert.Equal(expected, await LoadSetup.TakenHoursAsync(after, resource, date));
            }
        }

        // The user-day view: each user's bookings are theirs alone, a confirmed one blocks that time elsewhere, and a
        // request that died with the process (and left no row) blocks nothing.
        var elsewhere = await LoadSetup.CreateServicesAsync(after, AdminEmail, AdminPassword, users.Count);
        for (var u = 0; u < users.Count; u++)
        {
            var user = users[u];
            var mine = audit.Confirmed.Where(r => r.UserId == user.Id).ToList();
            var listed = await after.SendAsync(HttpMethod.Get, "/api/v1/bookings?status=confirmed&pageSize=100", user.AccessToken);
            var ids = (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToHashSet();
            Assert.True(ids.SetEquals(mine.Select(r => r.Id)), $"{user.Id}: the API lists [{string.Join(", ", ids)}], the table holds [{string.Join(", ", mine.Select(r => r.Id))}]");

            if (mine.FirstOrDefault() is { } taken)
            {
                var clash = await BookAsync(after, user, elsewhere[u], taken.Date, taken.Start);
                await clash.AssertProblemAsync(HttpStatusCode.Conflict, "user_conflict");
            }

            // One lost request per distinct time (two lost requests for one time on different resources are one test).
            var lostTimes = attempts
                .Where(a => a.UserId == user.Id && a.OutcomeUnknown && !audit.Rows.Any(r => r.Key == a.Key))
                .Where(a => !mine.Any(r => r.Date == a.Date && r.Start == a.Start))
                .DistinctBy(a => (a.Date, a.Start))
                .Take(2);
            foreach (var lost in lostTimes)
            {

                var again = await BookAsync(after, user, elsewhere[u], lost.Date, lost.Start);
                Assert.True(again.StatusCode == HttpStatusCode.Created, $"{lost} left something behind: {(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static Task<HttpResponseMessage> BookAsync(HttpClient client, LoadUser user, string resourceId, DateOnly date, TimeOnly start) =>
        client.SendAsync(HttpMethod.Post, "/api/v1/bookings", user.AccessToken, new { resourceId, date = ResourceSteps.Date(date), start = start.ToString("HH:mm"), durationMinutes = 60 });

    // The process logs one JSON object per line; entries written while serving a signed-in request carry its id and the user's.
    private static void AssertJsonLogs(IReadOnlyCollection<string> lines, IReadOnlyList<LoadUser> users)
    {
        // SIGKILL may cut the last line short; every other line is a whole JSON object.
        var stdout = lines.Where(l => !l.StartsWith("stderr: ", StringComparison.Ordinal) && l.Length > 0).ToList();
        var entries = stdout.SkipLast(1).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _) && e.TryGetProperty("Message", out _)));
        Assert.DoesNotContain(entries, e => e.GetProperty("LogLevel").GetString() is "Error" or "Critical");
        var userIds = users.Select(u => u.Id).ToHashSet();
        Assert.Contains(entries, e => e.TryGetProperty("Scopes", out var scopes) && scopes.EnumerateArray().Any(s =>
            s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("RequestId", out var requestId) && requestId.GetString() is { Length: > 0 }
            && s.TryGetProperty("UserId", out var userId) && userIds.Contains(userId.GetString() ?? string.Empty)));
        var text = string.Join('\n', lines);
        Assert.DoesNotContain(users, u => text.Contains(u.AccessToken, StringComparison.Ordinal) || text.Contains(u.AccessToken.Split('.')[2], StringComparison.Ordinal));
    }
}
