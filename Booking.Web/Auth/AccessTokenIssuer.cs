using Booking.Grains.Interfaces.Accounts;
using Booking.Web.Contracts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Booking.Web.Auth;

/// <summary>Issues the short-lived HS256 access token that goes with a session's refresh token.</summary>
internal sealed class AccessTokenIssuer(SigningKeyProvider keys, IOptions<JwtOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TokenResponse Issue(IssuedSession session)
    {
        var jwt = options.Value;
        var lifetime = TimeSpan.FromMinutes(jwt.AccessTokenMinutes);
        var now = time.GetUtcNow();
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [AccessTokenClaims.Subject] = session.UserId,
                [AccessTokenClaims.Email] = session.Email,
                [AccessTokenClaims.Role] = UserRoles.Name(session.Role),
                [AccessTokenClaims.Session] = session.SessionId,
                [AccessTokenClaims.TokenId] = Guid.NewGuid().ToString("N"),
            },
        });
        return new TokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, session.RefreshToken);
    }
}
