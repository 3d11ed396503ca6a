namespace Booking.Tests.Api;

/// <summary>A registered account and the tokens of one of its sessions.</summary>
internal sealed record SignedIn(RegisteredAccount Account, Tokens Tokens)
{
    public string AccessToken => Tokens.AccessToken;
}
