using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>The editable part of a profile; replaces names and phone (a null phone clears it) and, when given, the mail language.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ProfileUpdate")]
public sealed record ProfileUpdate
{
    [JsonPropertyName("firstName")]
    public required string FirstName { get; init; }

    [JsonPropertyName("lastName")]
    public required string LastName { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>The language of mails, <c>fr</c> or <c>en</c>; null keeps the current one.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }
}
