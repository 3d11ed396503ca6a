namespace Booking.Web.Contracts;

/// <summary>One slot of a site for a date and period: <c>free</c> or <c>taken</c>.</summary>
public sealed record SlotStatusResponse(string ResourceId, string Number, string Status);
