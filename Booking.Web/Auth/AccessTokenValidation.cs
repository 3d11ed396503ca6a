using System.Security.Claims;
using Booking.Grains.Interfaces.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Booking.Web.Auth;

/// <summary>
/// After the signature and lifetime checks: asks the account grain whether the token's session is still open and its id
/// not revoked (sign-out, password change, anonymisation), and replaces the token's role with the account's current role.
/// </summary>
internal static class AccessTokenValidation
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || identity.FindFirst(AccessTokenClaims.Subject)?.Value is not { } userId
            || !UserId.IsValid(userId)
            || identity.FindFirst(AccessTokenClaims.Session)?.Value is not { } sessionId
            || identity.FindFirst(AccessTokenClaims.TokenId)?.Value is not { } tokenId)
        {
            context.Fail("The access token lacks its subject, session or id.");
            return;
        }

        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var status = await grains.GetGrain<IUserAccountGrain>(userId)
            .CheckAccessTokenAsync(sessionId, tokenId)
            .WaitAsync(context.HttpContext.RequestAborted);
        if (!status.Active)
        {
            context.Fail("The access token has been revoked.");
            return;
        }

        foreach (var stale in identity.FindAll(identity.RoleClaimType).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(identity.RoleClaimType, UserRoles.Name(status.Role)));
    }
}
