using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Projections;

/// <summary>
/// Recognises a bookings-table write that the store's own overlap fences refused (PostgreSQL's exclusion constraints
/// behind the grains). Such a write committed nothing, so it is a refusal to answer, not a failure to report.
/// Implemented by the storage provider that has fences; without one every storage failure stays a failure.
/// </summary>
public interface IBookingFences
{
    /// <summary>
    /// The refusal <paramref name="exception"/> stands for (<c>user_conflict</c> for the booker's fence,
    /// <c>slot_unavailable</c> for the resource's), or null when it is not a fence refusal. Looks through wrapping
    /// exceptions and recognises the refusal after it crossed silos (type and message only).
    /// </summary>
    BookingError? Refusal(Exception exception);
}
