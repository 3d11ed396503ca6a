using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Tests.Grains;
using Booking.Tests.Infrastructure;
using Booking.Tests.Support;
using MimeKit;
using Orleans.TestingHost;

namespace Booking.Tests.Messages;

/// <summary>
/// Reminders on a two-silo cluster over PostgreSQL with a fake grain clock: a reminder is a mail delivery due before the
/// start, so the outbox dispatchers (one per silo, leased rows) send it when the grains' clock reaches that time.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ReminderTests
{
    // Wednesday 10:00 Paris (09:00 UTC); the clock starts Monday 07:00 UTC.
    private static readonly DateOnly Wednesday = new(2027, 1, 6);
    private static readonly DateTimeOffset StartUtc = new(2027, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Due_reminders_go_out_once_each_after_a_restart_too_and_a_cancelled_booking_gets_none()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        var clock = new FakeTimeProvider();
        var settings = TestClusters.Postgres(database.ConnectionString);
        foreach (var (key, value) in smtp.Settings)
        {
            settings[key] = value;
        }

        settings["Booking:Messages:Reminders"] = "1.00:00:00, 01:00:00";
        var kept = Guest("kept");
        var cancelled = Guest("cancelled");

        var cluster = await StartAsync(settings, clock);
        try
        {
            var salon = BookingCluster.Salon(capacity: 2);
            Assert.True((await cluster.Client.GetGrain<IResourceGrain>(salon.Id).CreateAsync(salon)).IsSuccess);
            var day = cluster.Client.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(salon.Id, Wednesday));
            var keptBooking = await day.BookAsync(Request(salon, kept));
            var cancelledBooking = await day.BookAsync(Request(salon, cancelled));
            Assert.True(keptBooking.IsSuccess && cancelledBooking.IsSuccess);
            Assert.Equal(StartUtc, keptBooking.Booking!.StartUtc);
            await smtp.WaitForAsync(kept.Email, IsConfirmation, "confirmation");
            await smtp.WaitForAsync(cancelled.Email, IsConfirmation, "confirmation");

            var cancel = await day.CancelAsync(new CancelRequest { BookingId = cancelledBooking.Booking!.Id, ByUserId = cancelled.Id });
            Assert.True(cancel.IsSuccess);
            await smtp.WaitForAsync(cancelled.Email, m => (m.Subject ?? "").StartsWith("Réservation annulée", StringComparison.Ordinal), "cancellation");

            // A minute before the 24-hour reminder nothing is due; just after it, the kept booking's reminder goes out.
            clock.Advance(StartUtc - TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1) - clock.GetUtcNow());
            await SettledAsync(database, clock);
            Assert.Empty(Reminders(smtp, kept.Email));
            clock.Advance(TimeSpan.FromMinutes(2));
            var first = await smtp.WaitForAsync(kept.Email, IsReminder, "24-hour reminder");
            Assert.Contains("commence dans 24 h", first.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        // Both silos go away and a new cluster takes over the same database: the sent reminder stays sent, the next one is due later.
        cluster = await StartAsync(settings, clock);
        try
        {
            await SettledAsync(database, clock);
            Assert.Single(Reminders(smtp, kept.Email));
            clock.Advance(StartUtc - TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1) - clock.GetUtcNow());
            var second = await smtp.WaitForAsync(kept.Email, m => IsReminder(m) && m.TextBody!.Contains("commence dans 1 h", StringComparison.Ordinal), "1-hour reminder");
            await SettledAsync(database, clock);
            Assert.Equal(2, Reminders(smtp, kept.Email).Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(2, Reminders(smtp, kept.Email).Count);
            Assert.Empty(Reminders(smtp, cancelled.Email));
            Assert.NotNull(second);
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        await using var skipped = database.DataSource.CreateCommand("SELECT count(*) FROM message_deliveries WHERE kind = 'booking_reminder' AND status = 'skipped'");
        Assert.Equal(2L, await skipped.ExecuteScalarAsync());
    }

    private static async Task<InProcessTestCluster> StartAsync(Dictionary<string, string?> settings, FakeTimeProvider clock)
    {
        var cluster = TestClusters.Build(2, settings, clock);
        await cluster.DeployAsync();
        return cluster;
    }

    private static (string Id, string Email) Guest(string name)
    {
        var id = "guest_" + Guid.NewGuid().ToString("N");
        return (id, $"{name}-{id}@example.com");
    }

    private static BookRequest Request(ResourceDefinition salon, (string Id, string Email) guest) => new()
    {
        UserId = guest.Id,
        ResourceId = salon.Id,
        Date = Wednesday,
        Start = new TimeOnly(10, 0),
        DurationMinutes = 60,
        Details = new Dictionary<string, string> { ["email"] = guest.Email },
    };

    private static bool IsConfirmation(MimeMessage message) => (message.Subject ?? "").StartsWith("Réservation confirmée", StringComparison.Ordinal);

    private static bool IsReminder(MimeMessage message) => (message.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal);

    private static List<MimeMessage> Reminders(TestSmtpServer smtp, string email) => [.. smtp.To(email).Where(IsReminder)];

    /// <summary>Waits (real time) until nothing in the outbox is due by the grains' clock and unsent.</summary>
    private static async Task SettledAsync(PostgresDatabase database, FakeTimeProvider clock)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = database.DataSource.CreateCommand("""
                SELECT (SELECT count(*) FROM message_events WHERE dispatched_at IS NULL)
                     + (SELECT count(*) FROM message_deliveries WHERE status = 'pending' AND due_at <= $1)
                """);
            command.Parameters.AddWithValue(clock.GetUtcNow());
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < limit, "The outbox did not settle within 30 s.");
            await Task.Delay(50);
        }
    }
}
