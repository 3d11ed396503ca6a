using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Ical.Net;
using MimeKit;

namespace Booking.Tests.Messages;

/// <summary>Set-up and reading steps of the mail tests.</summary>
internal static class MailSteps
{
    /// <summary>A mentor-like service in Paris time, open every day 08:00-20:00 on a one-hour grid, owned by <paramref name="ownerToken"/>.</summary>
    public static async Task<string> CreateParisServiceAsync(this HttpClient client, string ownerToken, string name = "Coupe & <brushing>")
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/v1/resources", ownerToken, new
        {
            kind = "service",
            name,
            timeZone = "Europe/Paris",
            slotMinutes = 60,
            durations = new[] { 60 },
            weekly = Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), start = "08:00", end = "20:00" }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The iCalendar attachment of <paramref name="message"/>, as text, or null.</summary>
    public static string? CalendarText(MimeMessage message)
    {
        if (message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar")) is not { } part)
        {
            return null;
        }

        // The decoded bytes as sent (TextPart.Text would hand back the text with its line ends normalised).
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The attachment parsed back with Ical.Net.</summary>
    public static Calendar Calendar(MimeMessage message) =>
        Ical.Net.Calendar.Load(CalendarText(message) ?? throw new InvalidOperationException($"'{message.Subject}' has no calendar attachment."))!;

    /// <summary>Asserts that no line of <paramref name="ics"/> is longer than 75 octets and that lines end with CRLF (RFC 5545 3.1).</summary>
    public static void AssertFolded(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.DoesNotContain('\n', line);
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        }
    }
}
