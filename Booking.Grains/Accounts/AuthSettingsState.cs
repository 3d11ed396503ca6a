using System.Text.Json.Serialization;

namespace Booking.Grains.Accounts;

/// <summary>The stored state of <see cref="AuthSettingsGrain"/>.</summary>
internal sealed record AuthSettingsState
{
    /// <summary>Base64 of the HS256 signing key; null until first asked for.</summary>
    [JsonPropertyName("signingKey")]
    public string? SigningKey { get; init; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }
}
