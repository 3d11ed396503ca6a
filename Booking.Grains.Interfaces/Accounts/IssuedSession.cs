using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>
/// A session opened by sign-in or rotated by refresh: who it belongs to, its id (carried in access tokens as <c>sid</c>)
/// and its new refresh token, which exists nowhere else in clear.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.IssuedSession")]
public sealed record IssuedSession
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("email")]
    public required string Email { get; init; }

    [JsonPropertyName("role")]
    public required UserRole Role { get; init; }

    [JsonPropertyName("sessionId")]
    public required string SessionId { get; init; }

    [JsonPropertyName("refreshToken")]
    public required string RefreshToken { get; init; }

    [JsonPropertyName("refreshTokenExpiresAt")]
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    /// <summary>Never in logs: the default record printer would show the refresh token.</summary>
    public override string ToString() => $"IssuedSession {{ UserId = {UserId}, SessionId = {SessionId} }}";
}
