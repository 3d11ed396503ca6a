using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Reliability;
using Xunit.Abstractions;

namespace Booking.Tests.Cluster;

/// <summary>
/// A silo process lost under a booking load: killed without warning (SIGKILL), or stopped as an orchestrator stops it
/// (SIGTERM). Clients go through two API hosts in client mode and retry a 503 with the same Idempotency-Key, as Retry-After
/// invites them to.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class SiloFailoverTests(ITestOutputHelper output)
{
    /// <summary>Orleans' response timeout (BookingClusterTuning.ResponseTimeout) and a margin for the HTTP hop.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NoHangBeyond = CallTimeout + TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailoverBudget = TimeSpan.FromSeconds(30);
    private const int ProbeResources = 4;
    private const int ProbeSlotsPerResource = 30;

    [Fact]
    public async Task Killing_a_silo_mid_load_loses_nothing_hangs_nothing_and_its_grains_book_again_from_the_other_silo_within_30_seconds()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        await using var cluster = await ProcessCluster.CreateAsync();

        // The victim starts alone, so every grain the load needs (resource-days, the members' accounts) is activated on it;
        // the survivor joins afterwards and has to take all of them over.
        var victim = await cluster.StartSiloAsync();
        var apis = await Task.WhenAll(cluster.StartApiAsync(), cluster.StartApiAsync());
        var clients = apis.Select(a => a.CreateClient()).ToList();
        var resources = await LoadSetup.CreateServicesAsync(clients[0], ProcessCluster.AdminEmail, ProcessCluster.AdminPassword, 12 + ProbeResources);
        var users = await cluster.SeedMembersAsync(24 + ProbeResources * ProbeSlotsPerResource);
        await WarmUpAsync(clients[0], resources, users);
        var probe = new BookingProbe(users.Skip(24).ToList(), resources.Skip(12).ToList());
        (resources, users) = (resources.Take(12).ToList(), users.Take(24).ToList());
        var survivor = await cluster.StartSiloAsync();

        var load = new BookingLoad(users, resources, LoadSetup.Dates, seed, pause: TimeSpan.FromMilliseconds(50), retryUnavailable: true);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(i => clients[i % clients.Count], stop.Token);
        await WaitUntilAsync(() => load.Answered >= 60 || running.IsCompleted, TimeSpan.FromSeconds(60));
        Assert.False(running.IsCompleted, "The load ended before the kill.");

        using (var survivorClient = survivor.CreateClient())
        {
            Assert.Equal(0, await PrometheusText.SumAsync(survivorClient, "orleans_catalog_activation_created_total", "grain_type=\"resource-day\""));
        }

        var killedAt = DateTimeOffset.UtcNow;
        victim.Crash();
        var deadAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var stopProbing = new CancellationTokenSource();
        var probing = probe.RunAsync(clients, TimeSpan.FromMilliseconds(250), stopProbing.Token);
        await WaitUntilAsync(() => probe.Attempts.Any(a => a.Confirmed) || probing.IsCompleted, FailoverBudget + TimeSpan.FromSeconds(15));
        await stopProbing.CancelAsync();

        // Keep booking a little longer on the survivor while a replacement silo starts, then stop.
        var replacementStarting = cluster.StartSiloAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();

        // The replacement silo takes new grains: resource-days of further dates, booked through both hosts, a date per round
        // until it has some (placement weighs the silos' load statistics, which reach the survivor a moment after the join).
        var replacement = await replacementStarting;
        var replacementReady = clock.Elapsed;
        using var replacementClient = replacement.CreateClient();
        var later = LoadSetup.Dates[^1];
        double taken = 0;
        for (var round = 0; round < 10 && taken == 0; round++)
        {
            later = later.AddDays(1);
            await Task.WhenAll(resources.Select(async (resource, i) =>
            {
                var booked = await clients[i % clients.Count].SendAsync(HttpMethod.Post, "/api/v1/bookings", users[i].AccessToken,
                    new { resourceId = resource, date = ResourceSteps.Date(later), start = "09:00", durationMinutes = 60 });
                Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
            }));
            taken = await PrometheusText.SumAsync(replacementClient, "orleans_catalog_activation_created_total", "grain_type=\"resource-day\"");
        }

        var booked = await PrometheusText.SumAsync(replacementClient, "booking_bookings_total", "outcome=\"confirmed\"");
        output.WriteLine($"replacement silo ready {replacementReady.TotalSeconds:F1} s after the kill; it activated {taken} resource-days and confirmed {booked} bookings");
        Assert.True(taken > 0, "The replacement silo activated no resource-day.");
        Assert.True(booked > 0, "The replacement silo confirmed no booking.");

        // Requests that were in flight to the killed silo when it died end within the call timeout.
        await Task.WhenAll(running, probing).WaitAsync(NoHangBeyond + TimeSpan.FromSeconds(10));
        output.WriteLine($"killed (exit observed) after {(deadAt - killedAt).TotalSeconds:F1} s; the survivor declared it dead at +{(DeclaredDeadAt(survivor) - killedAt).TotalSeconds:F1} s");
        foreach (var a in probe.Attempts.OrderBy(a => a.At))
        {
            output.WriteLine($"probe sent +{(SentAt(a) - killedAt).TotalSeconds:F2} s, answered +{(a.At - killedAt).TotalSeconds:F2} s: {a}");
        }

        var attempts = load.Attempts.Concat(probe.Attempts).ToList();
        var afterKill = attempts.Where(a => SentAt(a) > deadAt).ToList();
        var firstBooking = probe.Attempts.Where(a => a.Confirmed).Select(a => a.At - killedAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var lastUnavailable = attempts.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).Select(a => a.At - killedAt).DefaultIfEmpty(TimeSpan.Zero).Max();
        output.WriteLine($"SIGKILL → next successful booking: {firstBooking.TotalSeconds:F1} s; last 503 at +{lastUnavailable.TotalSeconds:F1} s; "
            + $"{attempts.Count} requests: " + string.Join(", ", attempts.GroupBy(a => a.Status is { } s ? $"{(int)s} {a.Code}" : "no answer").Select(g => $"{g.Key} × {g.Count()}"))
            + $"; slowest {attempts.Max(a => a.Elapsed).TotalSeconds:F1} s");

        // No request hangs: each got an answer, within the call timeout; a failure is a 503 problem with Retry-After.
        Assert.All(attempts, a => Assert.True(a.Status is not null && a.Elapsed < NoHangBeyond, $"hung or unanswered: {a}"));
        Assert.All(attempts.Where(a => (int)a.Status! >= 500), a => Assert.True(
            a is { Status: HttpStatusCode.ServiceUnavailable, Code: "unavailable", RetryAfter: true, ContentType: "application/problem+json" }, $"not a 503 unavailable problem with Retry-After: {a}"));
        Assert.Contains(attempts, a => a.Status == HttpStatusCode.ServiceUnavailable);

        // Failover within budget: a booking sent after the kill succeeds (every grain was on the victim), and nothing sent
        // once the budget has passed is refused as unavailable.
        Assert.True(firstBooking <= FailoverBudget, $"The first booking after the kill took {firstBooking}.");
        Assert.DoesNotContain(afterKill, a => a.Status == HttpStatusCode.ServiceUnavailable && SentAt(a) > deadAt + FailoverBudget);

        // Every 201 is one confirmed row, nothing refused is half-written, no overlap per resource or per person, and a
        // request retried with its Idempotency-Key booked once.
        var audit = (await BookingsAudit.ReadAsync(cluster.ConnectionString)).For(LoadSetup.Dates);
        var problems = audit.Problems(attempts);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(audit.Rows.GroupBy(r => r.Key), g => Assert.Single(g));
        Assert.All(attempts.Where(a => a.Confirmed).GroupBy(a => a.Key), g => Assert.Single(g.Select(a => a.BookingId).Distinct()));

        Assert.False(survivor.HasExited);
    }

    [Fact]
    public async Task Stopping_a_silo_gracefully_under_load_fails_no_request()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        await using var cluster = await ProcessCluster.CreateAsync();
        var silosStarting = Task.WhenAll(cluster.StartSiloAsync(), cluster.StartSiloAsync());
        var apis = await Task.WhenAll(cluster.StartApiAsync(), cluster.StartApiAsync());
        var silos = await silosStarting;
        var clients = apis.Select(a => a.CreateClient()).ToList();
        var resources = await LoadSetup.CreateServicesAsync(clients[0], ProcessCluster.AdminEmail, ProcessCluster.AdminPassword, 12);
        var users = await cluster.SeedMembersAsync(24);

        // No retries: a single 503 is a failed request.
        var load = new BookingLoad(users, resources, LoadSetup.Dates, seed, pause: TimeSpan.FromMilliseconds(50));
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(i => clients[i % clients.Count], stop.Token);
        await WaitUntilAsync(() => load.Answered >= 60 || running.IsCompleted, TimeSpan.FromSeconds(60));
        Assert.False(running.IsCompleted, "The load ended before the stop.");

        var stopping = silos[0];
        using (var metrics = stopping.CreateClient())
        {
            Assert.True(await PrometheusText.SumAsync(metrics, "orleans_catalog_activation_created_total", "grain_type=\"resource-day\"") > 0, "The silo to stop hosts no resource-day.");
        }

        var clock = Stopwatch.StartNew();
        var exitCode = await stopping.TerminateAsync(TimeSpan.FromSeconds(60));
        var stoppedIn = clock.Elapsed;
        var answeredAtStop = load.Answered;
        await WaitUntilAsync(() => load.Answered >= answeredAtStop + 100 || running.IsCompleted, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running.WaitAsync(NoHangBeyond + TimeSpan.FromSeconds(10));
        var attempts = load.Attempts.ToList();
        output.WriteLine($"SIGTERM → exit {exitCode} in {stoppedIn.TotalSeconds:F1} s; {attempts.Count} requests ({attempts.Count - answeredAtStop} after the stop): "
            + string.Join(", ", attempts.GroupBy(a => a.Status is { } s ? $"{(int)s} {a.Code}" : "no answer").Select(g => $"{g.Key} × {g.Count()}"))
            + $"; slowest {attempts.Max(a => a.Elapsed).TotalSeconds:F1} s");

        Assert.Equal(0, exitCode);
        Assert.All(attempts, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"failed: {a}"));
        Assert.True(attempts.Count(a => a.Confirmed) > answeredAtStop / 4, "Too few bookings confirmed to tell.");
        Assert.True(attempts.Count - answeredAtStop >= 100, "Too few requests after the stop to tell.");
        var audit = await BookingsAudit.ReadAsync(cluster.ConnectionString);
        var problems = audit.Problems(attempts);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.False(silos[1].HasExited);
    }

    private static DateTimeOffset SentAt(BookingAttempt attempt) => attempt.At - attempt.Elapsed;

    /// <summary>When the survivor's membership logged the eviction of the killed silo (its JSON log's timestamp), or the minimum when it did not.</summary>
    private static DateTimeOffset DeclaredDeadAt(WebProcess survivor)
    {
        var line = survivor.Output.FirstOrDefault(l => l.Contains("\"Evicting ", StringComparison.Ordinal));
        return line is null ? DateTimeOffset.MinValue : JsonDocument.Parse(line).RootElement.GetProperty("Timestamp").GetDateTimeOffset();
    }

    /// <summary>Activates each resource-day of the load (its occupancy) and each member's account (a signed-in read).</summary>
    private static async Task WarmUpAsync(HttpClient client, IReadOnlyList<string> resources, IReadOnlyList<LoadUser> users)
    {
        await Task.WhenAll(resources.SelectMany(r => LoadSetup.Dates.Select(async d =>
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/resources/{r}/days/{ResourceSteps.Date(d)}")).StatusCode))));
        await Task.WhenAll(users.Select(async u =>
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/api/v1/bookings", u.AccessToken)).StatusCode)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }
}
