namespace Booking.Tests.Load;

/// <summary>One employee's request in a rush: a slot (index into the site's slots) and a period.</summary>
internal sealed record RushAsk(string UserId, int Slot, string Period);
