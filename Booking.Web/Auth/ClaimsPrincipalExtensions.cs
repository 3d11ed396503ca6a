using System.Globalization;
using System.Security.Claims;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Auth;

/// <summary>Reads the access token's claims of an authenticated caller; authentication has already checked they are there.</summary>
internal static class ClaimsPrincipalExtensions
{
    public static string GetUserId(this ClaimsPrincipal user) => Required(user, AccessTokenClaims.Subject);

    public static string GetSessionId(this ClaimsPrincipal user) => Required(user, AccessTokenClaims.Session);

    public static string GetTokenId(this ClaimsPrincipal user) => Required(user, AccessTokenClaims.TokenId);

    public static DateTimeOffset GetTokenExpiry(this ClaimsPrincipal user) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(Required(user, AccessTokenClaims.Expires), NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>Whether the caller is an admin (the role as the account has it now, see <see cref="AccessTokenValidation"/>).</summary>
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(UserRoles.Admin);

    private static string Required(ClaimsPrincipal user, string type) =>
        user.FindFirst(type)?.Value ?? throw new InvalidOperationException($"The authenticated caller has no '{type}' claim.");
}
