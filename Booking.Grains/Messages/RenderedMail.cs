using System.Text.Json.Serialization;

namespace Booking.Grains.Messages;

/// <summary>A mail ready to send. Kept as rendered, so every attempt sends the same message with the same Message-Id.</summary>
public sealed record RenderedMail
{
    /// <summary>Without angle brackets; stable per delivery, so a receiver can drop a repeat.</summary>
    [JsonPropertyName("messageId")]
    public required string MessageId { get; init; }

    [JsonPropertyName("to")]
    public required string To { get; init; }

    [JsonPropertyName("toName")]
    public string? ToName { get; init; }

    [JsonPropertyName("language")]
    public required string Language { get; init; }

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("html")]
    public required string Html { get; init; }

    /// <summary>An iCalendar attachment (<c>METHOD:REQUEST</c> or <c>CANCEL</c>), if the mail carries one.</summary>
    [JsonPropertyName("calendar")]
    public string? Calendar { get; init; }

    /// <summary>The attachment's METHOD.</summary>
    [JsonPropertyName("calendarMethod")]
    public string? CalendarMethod { get; init; }
}
