namespace Booking.Web.Contracts;

/// <summary>The data of a <c>slots</c> server-sent event: a slot of the site was booked, held or freed on that date.</summary>
public sealed record LiveSlotChanged(string SiteId, DateOnly Date, string ResourceId);
