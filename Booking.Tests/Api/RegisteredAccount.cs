namespace Booking.Tests.Api;

/// <summary>An account a test registered, with the password it chose.</summary>
internal sealed record RegisteredAccount(string Id, string Email, string Password);
