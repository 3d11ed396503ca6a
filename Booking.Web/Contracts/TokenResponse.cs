namespace Booking.Web.Contracts;

/// <summary>
/// A signed-in session's tokens: a short-lived access token (send it as <c>Authorization: Bearer</c>) and a single-use
/// refresh token that buys the next pair.
/// </summary>
/// <param name="AccessToken">A JWT (HS256).</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="RefreshToken">Opaque; works once.</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken)
{
    /// <summary>Never in logs: the default record printer would show the tokens.</summary>
    public override string ToString() => $"TokenResponse {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn} }}";
}
