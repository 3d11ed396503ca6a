using System.Text.Json.Serialization;

namespace Booking.Grains.Accounts;

/// <summary>A signed-in session: the hash of its current refresh token and of the ones it rotated away from (to detect their reuse).</summary>
internal sealed record AccountSession
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("refreshTokenHash")]
    public required string RefreshTokenHash { get; init; }

    [JsonPropertyName("rotatedTokenHashes")]
    public IReadOnlyList<string> RotatedTokenHashes { get; init; } = [];

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("refreshedAt")]
    public required DateTimeOffset RefreshedAt { get; init; }

    [JsonPropertyName("expiresAt")]
    public required DateTimeOffset ExpiresAt { get; init; }
}
