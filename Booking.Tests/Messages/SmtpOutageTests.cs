using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;

namespace Booking.Tests.Messages;

/// <summary>The SMTP server goes away for a while: mails wait in the outbox and all go out once it is back.</summary>
[Trait("Category", "Postgres")]
public sealed class SmtpOutageTests(SmtpOutageTests.Fixture fixture) : IClassFixture<SmtpOutageTests.Fixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Mails_made_while_the_server_is_down_wait_with_their_failures_recorded_and_each_arrives_once_it_is_back()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = await _client.CreateParisServiceAsync(owner.AccessToken);
        var admin = await _client.AdminTokenAsync(fixture.Host);
        List<(SignedIn Booker, string BookingId)> booked = [];

        await fixture.Smtp.StopAsync();
        try
        {
            foreach (var hour in new[] { 9, 10, 11, 12, 13 })
            {
                var booker = await _client.SignUpAsync();
                booked.Add((booker, await _client.BookAsync(booker.AccessToken, new { resourceId, date = ResourceSteps.Date(ResourceSteps.Soon), start = $"{hour:00}:00", durationMinutes = 60 })));
            }

            // Every confirmation has failed at least twice (connection refused) and waits for its next attempt.
            foreach (var (booker, _) in booked)
            {
                var mail = await WaitForAsync(admin, booker.Account.Id, m => m.GetProperty("attempts").GetInt32() >= 2);
                Assert.Equal("pending", mail.GetProperty("status").GetString());
                Assert.False(string.IsNullOrEmpty(mail.GetProperty("lastError").GetString()));
            }

            Assert.Empty(fixture.Smtp.Received);
        }
        finally
        {
            fixture.Smtp.Resume();
        }

        foreach (var (booker, bookingId) in booked)
        {
            await fixture.Smtp.WaitForAsync(booker.Account.Email, m => m.TextBody?.Contains(bookingId, StringComparison.Ordinal) == true, "confirmation after the outage");
            var sent = await WaitForAsync(admin, booker.Account.Id, m => m.GetProperty("status").GetString() == "sent");
            Assert.True(sent.GetProperty("attempts").GetInt32() >= 3);
        }

        await fixture.Smtp.WaitForAsync(owner.Account.Email, _ => fixture.Smtp.To(owner.Account.Email).Count >= booked.Count, "all new-booking notices");

        // At least once: a repeat would carry the Message-Id of the first copy, so each mail is one distinct Message-Id.
        foreach (var (booker, _) in booked)
        {
            var received = fixture.Smtp.To(booker.Account.Email);
            Assert.Single(received.Select(m => m.MessageId).Distinct());
        }

        var ownerIds = fixture.Smtp.To(owner.Account.Email).Select(m => m.MessageId).ToList();
        Assert.Equal(booked.Count, ownerIds.Distinct().Count());
    }

    private async Task<JsonElement> WaitForAsync(string adminToken, string userId, Func<JsonElement, bool> matches)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/admin/mail?userId={userId}", adminToken)).Content.ReadFromJsonAsync<JsonElement>();
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault(m => m.GetProperty("kind").GetString() == "booking_confirmed") is { ValueKind: JsonValueKind.Object } mail
                && matches(mail))
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < limit, $"The confirmation of {userId} did not reach the expected state within 30 s: {page}");
            await Task.Delay(50);
        }
    }

    /// <summary>With retries that outlast the outage (the test's backoff is short, so the default attempts would run out).</summary>
    public sealed class Fixture : MailHostFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Booking:Messages:MaxAttempts"] = "1000" };
    }
}
