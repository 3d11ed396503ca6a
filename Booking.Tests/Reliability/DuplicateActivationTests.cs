using System.Net;
using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Storage;
using Xunit.Abstractions;

namespace Booking.Tests.Reliability;

/// <summary>
/// Two API hosts, each with its own silo, on one PostgreSQL database but in two Orleans clusters (a split brain: two
/// cluster ids, so no shared membership or directory): every resource-day and user-day a request touches is activated on
/// both, so duplicate activations are the rule, not a rare race. Bookings sent
/// to either host for the same few resource-days never double-book (version-checked writes and the table's exclusion
/// fences), and what the clients were told matches the table.
/// </summary>
public sealed class DuplicateActivationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bookings_of_the_same_resource_days_through_two_silos_on_one_database_never_double_book()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        await using var database = await PostgresDatabase.CreateAsync();
        var logs = new CapturedLogs();
        void Capture(IWebHostBuilder builder) => builder.ConfigureLogging(l => l.AddProvider(logs));
        await using var first = ApiHost.Postgres(database.ConnectionString, Cluster("split-a"), configure: Capture);
        var a = first.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/health/ready")).StatusCode);
        await using var second = ApiHost.Postgres(database.ConnectionString, Cluster("split-b"), configure: Capture);
        var b = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/health/ready")).StatusCode);

        // Few slots, many bookers: 2 services × 1 day × 10 hours for 16 users, each asking for every slot, alternately
        // through one host and the other.
        var resources = await LoadSetup.CreateServicesAsync(a, first.AdminEmail, ApiHost.AdminPassword, 2);
        var users = await LoadSetup.SignUpUsersAsync(a, 16);
        var load = new BookingLoad(users, resources, [LoadSetup.Dates[0]], seed);
        await load.RunAsync(i => i % 2 == 0 ? a : b, CancellationToken.None);

        var attempts = load.Attempts.ToList();
        output.WriteLine(string.Join(", ", attempts.GroupBy(x => x.Status is { } s ? $"{(int)s} {x.Code}" : "no answer").Select(g => $"{g.Key} × {g.Count()}")));
        Assert.All(attempts, x => Assert.True(x.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Unexpected answer: {x}"));
        Assert.Contains(attempts, x => x.Confirmed);

        var audit = await BookingsAudit.ReadAsync(database.ConnectionString);
        var problems = audit.Problems(attempts);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Every answer was definite, so the table holds exactly the bookings that were confirmed to someone.
        Assert.Equal(attempts.Where(x => x.Confirmed).Select(x => x.BookingId).Order(), audit.Confirmed.Select(r => r.Id).Order());

        // Orleans' storage bridge logs at Error each stale write (as it deactivates the activation that made it) and each
        // write the bookings table's exclusion fence refused: both are the designed outcomes of a split brain. Nothing
        // else may be logged as an error (no request failed unexpectedly).
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error && !IsStaleWrite(e.Exception) && !IsFenceRefusal(e.Exception));
    }

    private static Dictionary<string, string?> Cluster(string clusterId) => new() { ["Booking:Cluster:ClusterId"] = clusterId };

    private static bool IsFenceRefusal(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStaleWrite(Exception? exception) =>
        exception is InconsistentStateException || exception?.InnerException is InconsistentStateException;
}
