using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>
/// The bookings of one resource on one local date (key: <c>resourceId/yyyy-MM-dd</c>, see <see cref="GrainKeys"/>).
/// The only writer of them: requests are decided one at a time, so no two bookings can take the same capacity.
/// </summary>
[Alias("booking.IResourceDayGrain")]
public interface IResourceDayGrain : IGrainWithStringKey
{
    /// <summary>
    /// Books if every rule passes and the booker has no overlapping booking; the booking is durable (with its query row)
    /// before the answer. A refusal writes nothing; <c>slot_unavailable</c> carries up to three nearest free slots.
    /// The same idempotency key from the same user returns the first answer (<c>idempotency_conflict</c> if the request differs).
    /// With a hold id, turns that live hold of the same user into a confirmed booking with the same id.
    /// </summary>
    Task<BookingOutcome> BookAsync(BookRequest request);

    /// <summary>Like <see cref="BookAsync"/> but stores a <c>pending</c> hold that takes its place for five minutes, then frees it unless confirmed.</summary>
    Task<BookingOutcome> HoldAsync(BookRequest request);

    /// <summary>Releases a live hold of <paramref name="userId"/> at once (<c>hold_not_found</c>, <c>hold_expired</c>).</summary>
    Task<BookingOutcome> ReleaseHoldAsync(string holdId, string userId);

    /// <summary>Cancels under the cancellation rules (<c>not_found</c>, <c>already_cancelled</c>, <c>cancellation_closed</c>); durable before the answer, and the booker's time is freed.</summary>
    Task<BookingOutcome> CancelAsync(CancelRequest request);

    /// <summary>Checks in, completes or marks a no-show under the status rules; durable before the answer.</summary>
    Task<BookingOutcome> SetStatusAsync(StatusChangeRequest request);

    /// <summary>One booking of this resource-day (any status), or null.</summary>
    [ReadOnly]
    Task<BookingRecord?> GetBookingAsync(string bookingId);

    /// <summary>Every booking of this resource-day, cancelled ones included, in start order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<BookingRecord>> GetBookingsAsync();

    /// <summary>The ranges taken by active bookings (expired holds excluded) with the capacity left in each.</summary>
    [ReadOnly]
    Task<DayOccupancy> GetOccupancyAsync();

    /// <summary>
    /// Exactly the slots <see cref="BookAsync"/> would accept now: every start on the slot grid with that duration, or,
    /// without one, the named periods (else the shortest allowed duration). Empty when the resource does not exist.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<FreeSlot>> GetFreeSlotsAsync(int? durationMinutes);
}
