namespace Booking.Web.Contracts;

/// <summary>A private calendar-feed token and the feed URL that carries it (shown once).</summary>
public sealed record CalendarToken(string Token, string Url);
