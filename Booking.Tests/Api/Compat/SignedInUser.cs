namespace Booking.Tests.Api.Compat;

/// <summary>An account a test registered, with its access token.</summary>
internal sealed record SignedInUser(string Id, string Email, string Token);
