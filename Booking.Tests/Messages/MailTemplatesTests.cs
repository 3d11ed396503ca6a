using Booking.Grains.Messages;
using Booking.Silo.Messages;

namespace Booking.Tests.Messages;

/// <summary>The Liquid templates: both languages, every kind, user text encoded in HTML and left as typed in plain text.</summary>
public sealed class MailTemplatesTests
{
    private static readonly MailTemplates Templates = new();

    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { MailKinds.BookingConfirmed, MailKinds.BookingReceived, MailKinds.BookingCancelled, MailKinds.BookingCancelledOwner, MailKinds.BookingReminder, MailKinds.PasswordReset })
        {
            foreach (var language in MessageLanguages.All)
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_renders_a_subject_a_text_and_an_html_part_in_both_languages(string kind, string language)
    {
        var (subject, text, html) = Templates.Render(kind, language, Values("Zoé <b>&</b>"));

        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.DoesNotContain('\n', subject);
        Assert.Contains("Zoé <b>&</b>", text, StringComparison.Ordinal);
        Assert.Contains("Zoé &lt;b&gt;&amp;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&</b>", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_templates_falls_back_to_French()
    {
        Assert.Equal(Templates.Render(MailKinds.BookingConfirmed, "fr", Values("x")), Templates.Render(MailKinds.BookingConfirmed, "de", Values("x")));
    }

    [Theory]
    [InlineData(null, "fr")]
    [InlineData("", "fr")]
    [InlineData("en-GB,en;q=0.9", "en")]
    [InlineData("de-DE,en;q=0.5,fr;q=0.8", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData("en;q=0, de", "fr")]
    [InlineData("es, en-US;q=0.3", "en")]
    public void Accept_language_picks_the_best_supported_language(string? header, string expected)
    {
        Assert.Equal(expected, MessageLanguages.FromAcceptLanguage(header));
    }

    [Fact]
    public void Backoff_doubles_from_the_base_delay_up_to_the_maximum()
    {
        var options = new MessageDispatchOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal([30, 60, 120, 240, 300, 300], [.. Enumerable.Range(1, 6).Select(n => options.Backoff(n).TotalSeconds)]);
        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromHours(1)], new MessageDispatchOptions { Reminders = "01:00:00, 1.00:00:00" }.ReminderOffsets);
        Assert.Empty(new MessageDispatchOptions { Reminders = "" }.ReminderOffsets);
    }

    private static Dictionary<string, string?> Values(string userText) => new()
    {
        ["name"] = userText,
        ["resource"] = userText,
        ["date"] = "mardi 2 mars 2027",
        ["start"] = "10:00",
        ["end"] = "11:00",
        ["time_zone"] = "Europe/Paris",
        ["utc_offset"] = "UTC+01:00",
        ["subject_line"] = userText,
        ["notes"] = userText,
        ["reason"] = userText,
        ["booker"] = userText,
        ["booking_url"] = "http://localhost/api/v1/bookings/b",
        ["ics_url"] = "http://localhost/api/v1/bookings/b.ics",
        ["lead"] = "24 h",
        ["code"] = userText,
        ["expires"] = "mardi 2 mars 2027 à 10:00 (UTC)",
    };
}
