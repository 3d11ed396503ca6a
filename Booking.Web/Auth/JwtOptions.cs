namespace Booking.Web.Auth;

/// <summary>Access-token settings (<c>Booking:Jwt</c>).</summary>
internal sealed class JwtOptions
{
    public const string SectionName = "Booking:Jwt";

    /// <summary>The HS256 key (at least 32 bytes of UTF-8). When absent, a key generated once and kept in grain state is used.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;

    public string Issuer { get; set; } = "booking";

    public string Audience { get; set; } = "booking-api";
}
