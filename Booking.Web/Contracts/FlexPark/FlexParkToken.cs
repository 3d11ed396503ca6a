using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary><c>{"access_token": "...", "token_type": "bearer"}</c>: the same access token /api/v1/auth/login issues.</summary>
public sealed record FlexParkToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType)
{
    /// <summary>Never in logs: the default record printer would show the token.</summary>
    public override string ToString() => $"FlexParkToken {{ TokenType = {TokenType} }}";
}
