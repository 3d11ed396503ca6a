using System.Globalization;
using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Booking.Tests.Messages;
using Booking.Tests.Support;

namespace Booking.Tests.Reliability;

/// <summary>Booking.Web killed (SIGKILL) after a booking committed and before its mail went out: the restarted process sends it.</summary>
public sealed class MailCrashTests
{
    private const string AdminEmail = "mail-crash-admin@example.com";
    private const string AdminPassword = "mail-crash-admin-password";

    [Fact]
    public async Task A_booking_whose_process_was_killed_before_its_mail_went_out_gets_its_confirmation_after_the_restart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        var settings = new Dictionary<string, string>
        {
            ["Booking:Storage:Provider"] = "Postgres",
            ["Booking:Storage:ConnectionString"] = database.ConnectionString,
            ["Booking:Admin:Email"] = AdminEmail,
            ["Booking:Admin:Password"] = AdminPassword,
            ["Booking:RateLimiting:Auth:PermitLimit"] = "100000",
            ["Booking:Demo:Enabled"] = "false",
            ["Booking:Cluster:SiloPort"] = ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Booking:Cluster:GatewayPort"] = "0",
        };
        foreach (var (key, value) in smtp.Settings)
        {
            settings[key] = value!;
        }

        // The first process looks at its outbox once, at start-up, and then not for an hour: whatever it commits stays unsent.
        var first = new Dictionary<string, string>(settings) { ["Booking:Messages:PollInterval"] = "01:00:00" };
        string email;
        string bookingId;
        await using (var web = await WebProcess.StartAsync(first))
        {
            using var client = web.CreateClient();
            var resources = await LoadSetup.CreateServicesAsync(client, AdminEmail, AdminPassword, 1);
            var account = await client.RegisterAsync();
            email = account.Email;
            var tokens = await client.LoginAsync(email);
            bookingId = await client.BookAsync(tokens.AccessToken, new { resourceId = resources[0], date = ResourceSteps.Date(ResourceSteps.Soon), start = "10:00", durationMinutes = 60 });
            web.Crash();
        }

        Assert.Empty(smtp.Received);
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM message_events WHERE booking_id = $1 AND dispatched_at IS NULL");
        command.Parameters.AddWithValue(bookingId);
        Assert.Equal(1L, await command.ExecuteScalarAsync());

        await using var second = await WebProcess.StartAsync(settings);
        var confirmation = await smtp.WaitForAsync(email, m => m.TextBody?.Contains(bookingId, StringComparison.Ordinal) == true, "confirmation after the restart");
        Assert.NotNull(MailSteps.CalendarText(confirmation));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(smtp.To(email));
    }
}
