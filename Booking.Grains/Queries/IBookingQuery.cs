using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Queries;

/// <summary>
/// Reads the committed bookings rows (the <c>bookings</c> table written with each resource-day state) without
/// activating grains. Implemented over each storage provider; <see cref="InMemoryBookingStore"/> for the memory one.
/// Lists are ordered by start instant, then id, so paging is stable.
/// </summary>
public interface IBookingQuery
{
    /// <summary>The user's pending and confirmed bookings on that local date (holds included, whatever their expiry).</summary>
    Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken);

    /// <summary>One booking by id, or null; lets callers find the resource-day grain that owns it.</summary>
    Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken);

    /// <summary>
    /// One page (from 1, at most <see cref="BookingPage.MaxPageSize"/> rows) of the rows matching <paramref name="filter"/>,
    /// with the total over all pages. A page past the end is empty but still carries the total.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1 or the page size outside 1 to 100.</exception>
    Task<BookingPage> SearchBookingsAsync(BookingFilter filter, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Every row matching <paramref name="filter"/>, read as it is enumerated (for exports such as CSV).</summary>
    IAsyncEnumerable<BookingRecord> StreamBookingsAsync(BookingFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The figures of each of <paramref name="resourceIds"/> (in that order, duplicates once) over the local dates
    /// <paramref name="from"/> to <paramref name="to"/>, both included; a resource without bookings gets zeros.
    /// </summary>
    Task<IReadOnlyList<BookingStats>> GetResourceStatsAsync(IReadOnlyList<string> resourceIds, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
