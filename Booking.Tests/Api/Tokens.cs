namespace Booking.Tests.Api;

/// <summary>The token pair of a sign-in or refresh.</summary>
internal sealed record Tokens(string AccessToken, string RefreshToken);
