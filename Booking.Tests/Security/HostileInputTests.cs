using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Booking.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Booking.Tests.Security;

/// <summary>
/// Malformed and odd requests to every POST and PUT route (found in the app's endpoint data source): never a 5xx, never an
/// error in the log, always a problem-details body with a <c>code</c> and a <c>detail</c>, and nothing of the server's
/// inside (stack traces, SQL, .NET type names) in any response.
/// </summary>
public sealed class HostileInputTests(SecurityFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityFixture>
{
    private const int Requests = 10_000;

    /// <summary>A request that takes longer than this is treated as a hang.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // What a response must never contain: traces of stacks, SQL, the database driver, .NET type names.
    private static readonly string[] Leaks =
    [
        "   at ", ".cs:line", "StackTrace", "Exception:", "Npgsql", "PostgresException", "SqliteException", "SQLSTATE", "grain_state",
        "SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "System.", "Microsoft.", "Booking.",
    ];

    [Fact]
    public async Task Ten_thousand_hostile_requests_across_every_post_and_put_route_get_problem_details_and_no_5xx_or_logged_error()
    {
        var world = await fixture.WorldAsync();
        var routes = WriteRoute.Discover(fixture.Host.Services);
        Assert.Contains(routes, r => r.Template == "/api/v1/bookings");
        var client = fixture.Host.CreateClient();
        client.Timeout = Patience + TimeSpan.FromSeconds(5);
        var tokens = new Dictionary<string, string?>
        {
            ["admin"] = world.Admin.AccessToken,
            ["member"] = world.Member.AccessToken,
            ["provider"] = world.Provider.AccessToken,
            ["sacrificial"] = world.Sacrificial.AccessToken,
            ["anonymous"] = null,
            ["garbage-token"] = "not.a.jwt",
        };
        var statuses = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>(StringComparer.Ordinal);
        fixture.Logs.Clear();
        var clock = Stopwatch.StartNew();

        var generator = new HostileInputGenerator(world, routes);
        await Task.Run(() => Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Requests).WithQuietOnSuccess(true),
            Prop.ForAll(generator.Requests(), request =>
            {
                var status = SendAndCheckAsync(client, request, tokens[request.Caller], fixture.Logs).GetAwaiter().GetResult();
                statuses.GetOrAdd(request.Route.ToString(), _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
            })));

        output.WriteLine($"{Requests} requests over {routes.Count} routes in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (route, counts) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{route}: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}"))}");
        }

        Assert.All(routes, r => Assert.True(statuses.ContainsKey(r.ToString()), $"{r} was never exercised."));
        var errors = fixture.Logs.Entries.Where(e => e.Level >= LogLevel.Error || (e.Exception is not null && e.Level >= LogLevel.Warning)).ToList();
        Assert.True(errors.Count == 0, "The log has errors:\n" + string.Join("\n---\n", errors.Take(5)));
    }

    private static async Task<int> SendAndCheckAsync(HttpClient client, HostileRequest hostile, string? token, CapturedLogs logs)
    {
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Route.Method), hostile.Path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in hostile.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (hostile.Body is { } body)
        {
            request.Content = hostile.DeclareLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
            if (hostile.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var what = $"{hostile}\n→ {status} {response.Content.Headers.ContentType} after {clock.ElapsedMilliseconds} ms: {(text.Length > 2000 ? text[..2000] : text)}";

        Assert.True(clock.Elapsed < Patience, "The request took too long: " + what);
        Assert.True(status < 500, "A server error: " + what + "\nLogged: " + logs.Entries.LastOrDefault(e => e.Level >= LogLevel.Error));
        foreach (var leak in Leaks)
        {
            Assert.False(text.Contains(leak, StringComparison.Ordinal), $"The response reveals '{leak}': {what}");
        }

        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", "Not a problem-details response: " + what);
            using var problem = JsonDocument.Parse(text);
            Assert.True(
                problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.Length > 0,
                "The problem has no code: " + what);
            Assert.True(
                problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && detail.GetString()!.Trim().Length > 0,
                "The problem has no detail: " + what);
        }

        return status;
    }
}
