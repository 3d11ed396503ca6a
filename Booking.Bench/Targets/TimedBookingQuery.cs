using System.Diagnostics;
using Booking.Bench.Measurement;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;

namespace Booking.Bench.Targets;

/// <summary>Times the bookings-table reads of the user-day grains (for the <c>--profile</c> breakdown).</summary>
internal sealed class TimedBookingQuery(IBookingQuery inner, StageProfile profile) : IBookingQuery
{
    public async Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var rows = await inner.GetActiveBookingsForUserOnDateAsync(userId, date, cancellationToken).ConfigureAwait(false);
        profile.Record("bookings query (user-day activation)", start);
        return rows;
    }

    public Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken) => inner.GetBookingAsync(bookingId, cancellationToken);

    public Task<BookingPage> SearchBookingsAsync(BookingFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
        inner.SearchBookingsAsync(filter, page, pageSize, cancellationToken);

    public IAsyncEnumerable<BookingRecord> StreamBookingsAsync(BookingFilter filter, CancellationToken cancellationToken) =>
        inner.StreamBookingsAsync(filter, cancellationToken);

    public Task<IReadOnlyList<BookingStats>> GetResourceStatsAsync(IReadOnlyList<string> resourceIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        inner.GetResourceStatsAsync(resourceIds, from, to, cancellationToken);
}
