using System.Text.Json.Serialization;

namespace Booking.Grains.Accounts;

/// <summary>The pending password reset: the hash of its single-use token and when it stops working.</summary>
internal sealed record PasswordResetTicket
{
    [JsonPropertyName("tokenHash")]
    public required string TokenHash { get; init; }

    [JsonPropertyName("expiresAt")]
    public required DateTimeOffset ExpiresAt { get; init; }
}
