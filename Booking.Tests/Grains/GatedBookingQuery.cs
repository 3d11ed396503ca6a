using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;

namespace Booking.Tests.Grains;

/// <summary>
/// A bookings query that holds every caller until <paramref name="callers"/> of them wait at once (or fails them
/// after 10 s of real time): proves that that many bookings were in flight together.
/// </summary>
internal sealed class GatedBookingQuery(IBookingQuery inner, int callers) : IBookingQuery
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    public int MostWaiting { get; private set; }

    public async Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        var waiting = Interlocked.Increment(ref _waiting);
        lock (_open)
        {
            MostWaiting = Math.Max(MostWaiting, waiting);
        }

        if (waiting >= callers)
        {
            _open.TrySetResult();
        }

        await _open.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return await inner.GetActiveBookingsForUserOnDateAsync(userId, date, cancellationToken);
    }

    public Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken) =>
        inner.GetBookingAsync(bookingId, cancellationToken);

    public Task<BookingPage> SearchBookingsAsync(BookingFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
        inner.SearchBookingsAsync(filter, page, pageSize, cancellationToken);

    public IAsyncEnumerable<BookingRecord> StreamBookingsAsync(BookingFilter filter, CancellationToken cancellationToken) =>
        inner.StreamBookingsAsync(filter, cancellationToken);

    public Task<IReadOnlyList<BookingStats>> GetResourceStatsAsync(IReadOnlyList<string> resourceIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        inner.GetResourceStatsAsync(resourceIds, from, to, cancellationToken);
}
