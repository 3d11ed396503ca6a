using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts;

/// <summary>A site booking: the booking and the slot it was given.</summary>
public sealed record SiteBookingResponse(BookingRecord Booking, SiteSlot Slot);
