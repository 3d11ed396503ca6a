using System.Text.Json.Serialization;

namespace Booking.Grains.Accounts;

/// <summary>An access token id (<c>jti</c>) that must be refused until <see cref="ExpiresAt"/>, after which it is refused anyway.</summary>
internal sealed record RevokedAccessToken
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("expiresAt")]
    public required DateTimeOffset ExpiresAt { get; init; }
}
