using System.Text.Json.Serialization;

namespace Booking.Grains.Messages;

/// <summary>One mail to one person, as the outbox holds it.</summary>
public sealed record MailDelivery
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The template: one of <see cref="MailKinds"/>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The recipient's user id (a Wortis guest id for guests).</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    [JsonPropertyName("bookingId")]
    public string? BookingId { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("attempts")]
    public int Attempts { get; init; }

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it is (or was) next due to go out.</summary>
    [JsonPropertyName("dueAt")]
    public required DateTimeOffset DueAt { get; init; }

    [JsonPropertyName("sentAt")]
    public DateTimeOffset? SentAt { get; init; }

    [JsonPropertyName("lastError")]
    public string? LastError { get; init; }

    /// <summary>The content, once rendered (the dispatcher renders each mail once and sends that same content on every attempt).</summary>
    [JsonPropertyName("content")]
    public RenderedMail? Content { get; init; }
}
