namespace Booking.Web.Auth;

/// <summary>The claims of an access token, under their JWT names (inbound claim mapping is off).</summary>
internal static class AccessTokenClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Session = "sid";
    public const string TokenId = "jti";
    public const string Expires = "exp";
}
