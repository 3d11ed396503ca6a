using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Queries;

/// <summary>
/// Reads the committed bookings rows (the <c>bookings</c> table written with each resource-day state) without
/// activating grains. Implemented over each storage provider; <see cref="InMemoryBookingStore"/> for the memory one.
/// </summary>
public interface IBookingQuery
{
    /// <summary>The user's pending and confirmed bookings on that local date (holds included, whatever their expiry).</summary>
    Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken);

    /// <summary>One booking by id, or null; lets callers find the resource-day grain that owns it.</summary>
    Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken);
}
