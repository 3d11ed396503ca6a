namespace Booking.Tests.Reliability;

/// <summary>A signed-in booker of a load run.</summary>
internal sealed record LoadUser(string Id, string AccessToken);
