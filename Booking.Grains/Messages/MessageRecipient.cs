using System.Text.Json.Serialization;

namespace Booking.Grains.Messages;

/// <summary>An address to write to, with the name and language to write in.</summary>
public sealed record MessageRecipient
{
    [JsonPropertyName("email")]
    public required string Email { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A <see cref="MessageLanguages"/> code.</summary>
    [JsonPropertyName("language")]
    public string Language { get; init; } = MessageLanguages.Default;
}
