using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>A mail to a user as their data export shows it (the outbox's copy: subject and plain-text body once rendered).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.OutgoingMail")]
public sealed record OutgoingMail
{
    /// <summary>The kind of a password-reset message.</summary>
    public const string PasswordResetKind = "password_reset";

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("to")]
    public required string To { get; init; }

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("body")]
    public required string Body { get; init; }

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary><c>pending</c>, <c>sent</c>, <c>dead</c> or <c>skipped</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "pending";

    [JsonPropertyName("sentAt")]
    public DateTimeOffset? SentAt { get; init; }
}
