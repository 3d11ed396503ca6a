using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Booking.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Booking.Tests.Security;

/// <summary>
/// Access tokens that must not be accepted, each made from a real one of an ordinary member so that exactly one thing is
/// wrong with it: expired, payload changed after signing, signed with another key, or not signed at all (<c>alg: none</c>).
/// </summary>
internal static class ForgedTokens
{
    /// <summary>Name and token of each forgery, plus no token at all (null) and a string that is no JWT.</summary>
    public static IReadOnlyList<(string Name, string? Token)> All(IServiceProvider services, string realToken, string victimUserId)
    {
        var key = services.GetRequiredService<SigningKeyProvider>().Key;
        var jwt = services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var claims = Claims(realToken);
        var now = DateTime.UtcNow;
        return
        [
            ("no token", null),
            ("not a JWT", "not.a.jwt"),
            ("expired", Sign(claims, jwt, key, issuedAt: now.AddHours(-2), expires: now.AddHours(-1))),
            ("tampered payload", Tamper(realToken, victimUserId)),
            ("signed with another key", Sign(claims, jwt, new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), issuedAt: now, expires: now.AddMinutes(15))),
            ("alg none", Unsigned(realToken)),
        ];
    }

    private static Dictionary<string, object> Claims(string token)
    {
        var parsed = new JsonWebToken(token);
        string[] kept = [AccessTokenClaims.Subject, AccessTokenClaims.Email, AccessTokenClaims.Role, AccessTokenClaims.Session, AccessTokenClaims.TokenId];
        return kept.ToDictionary(name => name, name => (object)parsed.GetClaim(name).Value);
    }

    private static string Sign(Dictionary<string, object> claims, JwtOptions jwt, SecurityKey key, DateTime issuedAt, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = claims,
        });

    // The signature stays the real one: the payload now claims to be the victim, and an admin.
    private static string Tamper(string token, string victimUserId)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[AccessTokenClaims.Subject] = victimUserId;
        payload[AccessTokenClaims.Role] = "admin";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    // The real payload, a header that says no signature is needed, and none.
    private static string Unsigned(string token)
    {
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "JWT" }));
        return $"{header}.{token.Split('.')[1]}.";
    }
}
