using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>What an account shows of itself: identity, names, phone and role (never secrets).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.AccountProfile")]
public sealed record AccountProfile
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("email")]
    public required string Email { get; init; }

    [JsonPropertyName("firstName")]
    public required string FirstName { get; init; }

    [JsonPropertyName("lastName")]
    public required string LastName { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("role")]
    public required UserRole Role { get; init; }

    /// <summary>The language mails are written in: <c>fr</c> or <c>en</c>.</summary>
    [JsonPropertyName("language")]
    public string Language { get; init; } = "fr";

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }
}
