using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace Booking.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped in the middle of a booking load and started again, under a running API: clients get 503 problem
/// details with Retry-After (never a 500, never a wait beyond the call timeout), every 201 was committed, clients that
/// retry a 503 with its Idempotency-Key double-book nothing, and the service takes bookings again by itself, without a
/// restart.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    /// <summary>The runtime's call timeout (ResponseTimeout, 30 s) and a margin: no answer may take longer.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(35);

    [Fact]
    public async Task Stopping_postgres_mid_load_gives_503s_no_uncommitted_201_and_the_service_recovers_by_itself()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var total = Stopwatch.StartNew();
        await using var server = await PostgresServer.StartAsync();
        output.WriteLine($"PostgreSQL up after {total.Elapsed.TotalSeconds:F1} s");
        var connectionString = await server.CreateDatabaseAsync();
        var logs = new CapturedLogs();
        await using var host = ApiHost.Postgres(connectionString, configure: b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = host.CreateClient();
        client.Timeout = Patience + TimeSpan.FromSeconds(10);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var resources = await LoadSetup.CreateServicesAsync(client, host.AdminEmail, ApiHost.AdminPassword, 5);
        var users = await LoadSetup.SignUpUsersAsync(client, 10);
        output.WriteLine($"set up after {total.Elapsed.TotalSeconds:F1} s");
        var probe = users[0];
        var probeResource = resources[^1];
        var load = new BookingLoad(users.Skip(1).ToList(), resources.SkipLast(1).ToList(), LoadSetup.Dates, seed, pause: TimeSpan.FromMilliseconds(20), retryUnavailable: true);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(_ => client, stop.Token);
        while (load.Attempts.Count(a => a.Confirmed) < 20 && !running.IsCompleted)
        {
            await Task.Delay(10);
        }

        await server.StopAsync();
        var down = DateTimeOffset.UtcNow;
        output.WriteLine($"PostgreSQL stopped after {total.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var readiness = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        var probes = new List<BookingAttempt>();
        var refused = await ProbeAsync(client, probe, probeResource, new TimeOnly(8, 0), probes);
        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.NotNull(refused.Headers.RetryAfter);
        await Task.Delay(TimeSpan.FromSeconds(2));

        await server.StartAgainAsync();
        var up = DateTimeOffset.UtcNow;
        output.WriteLine($"PostgreSQL started again after {total.Elapsed.TotalSeconds:F1} s");

        // Recovery without a restart: the same host takes a booking again, within a minute of the database's return.
        var clock = Stopwatch.StartNew();
        HttpResponseMessage recovered;
        var hour = 9;
        while (true)
        {
            recovered = await ProbeAsync(client, probe, probeResource, new TimeOnly(hour, 0), probes);
            if (recovered.StatusCode == HttpStatusCode.Created || clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                break;
            }

            await recovered.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
            hour = hour == 17 ? 9 : hour + 1;
            await Task.Delay(250);
        }

        Assert.Equal(HttpStatusCode.Created, recovered.StatusCode);
        output.WriteLine($"recovered {clock.ElapsedMilliseconds} ms after PostgreSQL was back");
        await Task.Delay(500);
        await stop.CancelAsync();
        await running;

        var attempts = load.Attempts.ToList();
        output.WriteLine(string.Join(", ", attempts.GroupBy(a => a.Status is { } s ? $"{(int)s} {a.Code}" : "no answer").Select(g => $"{g.Key} × {g.Count()}")));
        Assert.Contains(attempts, a => a.Status == HttpStatusCode.ServiceUnavailable && a.At > down && a.At < up);
        Assert.Contains(attempts, a => a.Confirmed && a.At > up);
        Assert.All(attempts, a =>
        {
            Assert.True(a.Status is not null, $"No answer: {a}");
            Assert.True(a.Elapsed < Patience, $"Too slow: {a}");
            Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"Unexpected answer: {a}");
            Assert.True(a.Confirmed || a.ContentType == "application/problem+json", $"Not problem details: {a}");
            Assert.True(a.Status != HttpStatusCode.ServiceUnavailable || (a.Code == "unavailable" && a.RetryAfter), $"A 503 without code unavailable and Retry-After: {a}");
        });

        // An operator sees the outage on /metrics: failed storage writes and 503 answers.
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("booking_storage_write_duration_seconds_count{outcome=\"failed\",provider=\"postgres\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("http_response_status_code=\"503\"", metrics, StringComparison.Ordinal);

        var audit = await BookingsAudit.ReadAsync(connectionString);
        var problems = audit.Problems(attempts.Concat(probes));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The readiness check reports the database as down at Error level, as it should, and so does Orleans' storage bridge
        // for each write the database could not take; no request may fail that way.
        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error
            && e.Category != "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService"
            && !IsDatabaseUnreachable(e.Exception)).ToList();
        Assert.True(errors.Count == 0, "Errors in the log:\n" + string.Join("\n---\n", errors.Take(3)));

        // Nor does shutting down after the outage hang.
        var stopping = Stopwatch.StartNew();
        await host.DisposeAsync();
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    // A booking by the probe user, kept for the audit like the load's own requests.
    private static async Task<HttpResponseMessage> ProbeAsync(HttpClient client, LoadUser user, string resourceId, TimeOnly start, List<BookingAttempt> probes)
    {
        var date = LoadSetup.Dates[0];
        var response = await client.SendAsync(HttpMethod.Post, "/api/v1/bookings", user.AccessToken, new { resourceId, date = ResourceSteps.Date(date), start = start.ToString("HH:mm"), durationMinutes = 60 });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        probes.Add(new BookingAttempt(user.Id, resourceId, date, start, TimeSpan.Zero)
        {
            Status = response.StatusCode,
            BookingId = response.StatusCode == HttpStatusCode.Created ? body.GetProperty("id").GetString() : null,
            Code = body.TryGetProperty("code", out var code) ? code.GetString() : null,
        });
        return response;
    }

    private static bool IsDatabaseUnreachable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException)
            {
                return true;
            }
        }

        return false;
    }
}
