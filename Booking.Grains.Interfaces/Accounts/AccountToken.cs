namespace Booking.Grains.Interfaces.Accounts;

/// <summary>
/// Refresh and password-reset tokens read <c>{userId}.{secret}</c>: the user id routes the token to its account grain
/// without a lookup table; the secret is 256 random bits, stored only as a hash.
/// </summary>
public static class AccountToken
{
    /// <summary>Joins a user id and a secret.</summary>
    public static string Create(string userId, string secret) => userId + "." + secret;

    /// <summary>The user id a token names, when the token has the right form.</summary>
    public static bool TryGetUserId(string? token, out string userId)
    {
        userId = "";
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1 || !UserId.IsValid(token[..dot]))
        {
            return false;
        }

        userId = token[..dot];
        return true;
    }
}
