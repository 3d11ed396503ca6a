using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>Whether an access token may still be used, and the account's role right now (which may differ from the token's).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.AccessTokenStatus")]
public sealed record AccessTokenStatus
{
    /// <summary>The answer for a token of a missing, anonymised or signed-out account.</summary>
    public static readonly AccessTokenStatus Revoked = new() { Active = false, Role = UserRole.Member };

    [JsonPropertyName("active")]
    public required bool Active { get; init; }

    [JsonPropertyName("role")]
    public required UserRole Role { get; init; }
}
