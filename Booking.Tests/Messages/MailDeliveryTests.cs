using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Silo.Messages;
using Booking.Tests.Api;

namespace Booking.Tests.Messages;

/// <summary>Mails over a real SMTP connection: bookings, cancellations and reset codes made through the API reach the server.</summary>
[Trait("Category", "Postgres")]
public sealed class MailDeliveryTests(MailHostFixture fixture) : IClassFixture<MailHostFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    private static string Date => ResourceSteps.Date(ResourceSteps.Soon);

    [Fact]
    public async Task A_booking_made_through_the_API_sends_the_booker_exactly_one_confirmation_with_a_parseable_invitation()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var booker = await _client.SignUpAsync();

        var bookingId = await _client.BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "10:00", end = "11:00", subject = "<script>alert(1)</script>" });

        var confirmation = await fixture.Smtp.WaitForAsync(booker.Account.Email, m => (m.Subject ?? "").Contains("confirm", StringComparison.OrdinalIgnoreCase), "confirmation");
        var received = await fixture.Smtp.WaitForAsync(owner.Account.Email, m => (m.Subject ?? "").Contains("Nouvelle", StringComparison.Ordinal), "new-booking notice");
        await WaitUntilSettledAsync();
        Assert.Single(fixture.Smtp.To(booker.Account.Email));
        Assert.Single(fixture.Smtp.To(owner.Account.Email));

        // French by default, the resource's local time and zone spelled out, a link back, user text encoded in HTML.
        Assert.StartsWith("Réservation confirmée : Coupe & <brushing>", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("de 10:00 à 11:00", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/bookings/{bookingId}", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Coupe &amp; &lt;brushing&gt;", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("bookings@engine.example.com", confirmation.From.Mailboxes.Single().Address, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(confirmation.MessageId));

        var ics = MailSteps.CalendarText(confirmation)!;
        MailSteps.AssertFolded(ics);
        var calendar = MailSteps.Calendar(confirmation);
        Assert.Equal("REQUEST", calendar.Method);
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal(BookingCalendar.Uid(bookingId), invitation.Uid);
        Assert.Equal(0, invitation.Sequence);
        Assert.Equal("Europe/Paris", invitation.DtStart!.TzId);
        Assert.Equal(new TimeOnly(10, 0), invitation.DtStart.Time);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Paris");
        var booking = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{bookingId}", booker.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(booking.GetProperty("startUtc").GetDateTimeOffset().UtcDateTime, invitation.DtStart.AsUtc);

        Assert.Contains("Ada Lovelace a réservé Coupe & <brushing>.", received.TextBody, StringComparison.Ordinal);
        Assert.Equal("REQUEST", MailSteps.Calendar(received).Method);
    }

    [Fact]
    public async Task Cancelling_a_booking_sends_a_cancellation_whose_calendar_file_withdraws_the_same_event()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var booker = await _client.SignUpAsync();
        var bookingId = await _client.BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "14:00", end = "15:00" });
        var confirmation = await fixture.Smtp.WaitForAsync(booker.Account.Email, m => MailSteps.CalendarText(m) is not null, "confirmation");

        var cancelled = await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{bookingId}/cancel", booker.AccessToken, new { reason = "Empêchement & <retard>" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var cancellation = await fixture.Smtp.WaitForAsync(booker.Account.Email, m => (m.Subject ?? "").StartsWith("Réservation annulée", StringComparison.Ordinal), "cancellation");
        await fixture.Smtp.WaitForAsync(owner.Account.Email, m => (m.Subject ?? "").StartsWith("Réservation annulée", StringComparison.Ordinal), "owner's cancellation");
        var calendar = MailSteps.Calendar(cancellation);
        Assert.Equal("CANCEL", calendar.Method);
        var withdrawn = Assert.Single(calendar.Events);
        Assert.Equal(Assert.Single(MailSteps.Calendar(confirmation).Events).Uid, withdrawn.Uid);
        Assert.True(withdrawn.Sequence > 0);
        Assert.Equal("CANCELLED", withdrawn.Status);
        Assert.Contains("Motif : Empêchement & <retard>", cancellation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Empêchement &amp; &lt;retard&gt;", cancellation.HtmlBody, StringComparison.Ordinal);
        Assert.NotEqual(confirmation.MessageId, cancellation.MessageId);
    }

    [Fact]
    public async Task A_refused_booking_sends_nothing()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var first = await _client.SignUpAsync();
        var second = await _client.SignUpAsync();
        await _client.BookAsync(first.AccessToken, new { resourceId, date = Date, start = "16:00", end = "17:00" });

        var refused = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", second.AccessToken, new { resourceId, date = Date, start = "16:00", end = "17:00" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await fixture.Smtp.WaitForAsync(first.Account.Email, _ => true, "confirmation");
        await WaitUntilSettledAsync();
        Assert.Empty(fixture.Smtp.To(second.Account.Email));
    }

    [Fact]
    public async Task A_reset_code_arrives_by_mail_in_the_language_of_the_sign_up_and_sets_a_new_password()
    {
        var email = ApiClient.NewEmail("reset");
        var register = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new { email, password = ApiClient.Password, firstName = "Grace", lastName = "Hopper" }),
        };
        register.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,fr;q=0.5");
        var registered = await (await _client.SendAsync(register)).Content.ReadFromJsonAsync<JsonElement>();
        var userId = registered.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsJsonAsync("/api/v1/auth/password/reset", new { email })).StatusCode);

        var mail = await fixture.Smtp.WaitForAsync(email, m => m.Subject == "Reset your password", "reset mail");
        var code = OutboxMail.CodeIn(mail.TextBody ?? "", userId);
        Assert.Contains("Hello Grace", mail.TextBody, StringComparison.Ordinal);
        var confirm = await _client.PostAsJsonAsync("/api/v1/auth/password/reset/confirm", new { token = code, newPassword = "a-brand-new-password" });
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        await _client.LoginAsync(email, "a-brand-new-password");
    }

    [Fact]
    public async Task A_permanently_refused_address_is_dead_lettered_and_admins_see_it_with_its_attempts_and_error()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var booker = await _client.SignUpAsync();
        fixture.Smtp.Refuse(booker.Account.Email);

        var bookingId = await _client.BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "18:00", end = "19:00" });

        var admin = await _client.AdminTokenAsync(fixture.Host);
        var dead = await WaitForAdminMailAsync(admin, booker.Account.Id, "dead");
        Assert.Equal("booking_confirmed", dead.GetProperty("kind").GetString());
        Assert.Equal(bookingId, dead.GetProperty("bookingId").GetString());
        Assert.True(dead.GetProperty("attempts").GetInt32() == 1, dead.ToString());
        Assert.StartsWith("SMTP 550 RecipientNotAccepted", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(booker.Account.Email, dead.GetProperty("to").GetString());
        Assert.Empty(fixture.Smtp.To(booker.Account.Email));

        var detail = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/admin/mail/{Uri.EscapeDataString(dead.GetProperty("id").GetString()!)}", admin)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("BEGIN:VCALENDAR", detail.GetProperty("calendar").GetString(), StringComparison.Ordinal);
        var member = await _client.SendAsync(HttpMethod.Get, "/api/v1/admin/mail", booker.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        var unknownStatus = await _client.SendAsync(HttpMethod.Get, "/api/v1/admin/mail?status=lost", admin);
        await unknownStatus.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_booking_calendar_file_is_served_to_its_parties_only()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var booker = await _client.SignUpAsync();
        var stranger = await _client.SignUpAsync();
        var bookingId = await _client.BookAsync(booker.AccessToken, new { resourceId, date = Date, start = "09:00", end = "10:00" });

        var file = await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{bookingId}.ics", booker.AccessToken);
        var forStranger = await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{bookingId}.ics", stranger.AccessToken);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
        var ics = await file.Content.ReadAsStringAsync();
        MailSteps.AssertFolded(ics);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(BookingCalendar.Uid(bookingId), Assert.Single(calendar.Events).Uid);
        Assert.Equal("Europe/Paris", calendar.Events.Single().DtStart!.TzId);
        await forStranger.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private async Task<JsonElement> WaitForAdminMailAsync(string adminToken, string userId, string status)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/admin/mail?userId={userId}&status={status}", adminToken)).Content.ReadFromJsonAsync<JsonElement>();
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } mail)
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < limit, $"No {status} mail for {userId} within 30 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the outbox holds nothing due and unsent: every event dispatched and every due mail sent or given up.</summary>
    private async Task WaitUntilSettledAsync()
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = fixture.Database.DataSource.CreateCommand("""
                SELECT (SELECT count(*) FROM message_events WHERE dispatched_at IS NULL)
                     + (SELECT count(*) FROM message_deliveries WHERE status = 'pending' AND due_at <= now())
                """);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < limit, "The outbox did not settle within 30 s.");
            await Task.Delay(50);
        }
    }
}
