using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Persistence;
using Booking.Grains.Projections;

namespace Booking.Grains.Queries;

/// <summary>
/// The bookings query table in memory: the memory storage provider hands it each write's <see cref="BookingRowsChanged"/>
/// under its write lock, so it never disagrees with grain state. Share one instance between the silos of a test cluster.
/// </summary>
public sealed class InMemoryBookingStore : IBookingQuery, IMemoryProjectionSink
{
    private readonly ConcurrentDictionary<string, BookingRecord> _rows = new(StringComparer.Ordinal);

    /// <summary>Every row, in no particular order.</summary>
    public IReadOnlyCollection<BookingRecord> Rows => [.. _rows.Values];

    public void Apply(GrainId grainId, string stateName, IReadOnlyList<IStateProjection> projections)
    {
        foreach (var projection in projections)
        {
            if (projection is BookingRowsChanged changed)
            {
                foreach (var row in changed.Rows)
                {
                    _rows[row.Id] = row;
                }
            }
        }
    }

    public Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        IReadOnlyList<BookingRecord> rows =
        [
            .. InOrder(_rows.Values.Where(b => b.UserId == userId && b.Date == date && b.Status is BookingStatus.Pending or BookingStatus.Confirmed)),
        ];
        return Task.FromResult(rows);
    }

    public Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetValueOrDefault(bookingId));

    public Task<BookingPage> SearchBookingsAsync(BookingFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        BookingPage.Validate(page, pageSize);
        var matching = InOrder(_rows.Values.Where(filter.Matches)).ToList();
        var offset = BookingPage.Offset(page, pageSize);
        return Task.FromResult(new BookingPage
        {
            Items = offset >= matching.Count ? [] : [.. matching.Skip((int)offset).Take(pageSize)],
            Page = page,
            PageSize = pageSize,
            Total = matching.Count,
        });
    }

    public async IAsyncEnumerable<BookingRecord> StreamBookingsAsync(BookingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        foreach (var row in InOrder(_rows.Values.Where(filter.Matches)).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<BookingStats>> GetResourceStatsAsync(IReadOnlyList<string> resourceIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var rows = _rows.Values.Where(b => b.Date >= from && b.Date <= to).ToLookup(b => b.ResourceId, StringComparer.Ordinal);
        IReadOnlyList<BookingStats> stats =
        [
            .. resourceIds.Distinct(StringComparer.Ordinal).Select(id =>
            {
                var booked = rows[id].Where(IsBooking).ToList();
                return new BookingStats
                {
                    ResourceId = id,
                    From = from,
                    To = to,
                    Bookings = booked.Count,
                    Confirmed = booked.Count(b => b.Status == BookingStatus.Confirmed),
                    Completed = booked.Count(b => b.Status == BookingStatus.Completed),
                    Cancellations = booked.Count(b => b.Status == BookingStatus.Cancelled),
                    NoShows = booked.Count(b => b.Status == BookingStatus.NoShow),
                    PendingHolds = rows[id].Count(b => b.Status == BookingStatus.Pending),
                    OccupiedMinutes = booked
                        .Where(b => b.Status is BookingStatus.Confirmed or BookingStatus.Completed)
                        .Sum(b => (long)(b.EndUtc - b.StartUtc).TotalMinutes),
                };
            }),
        ];
        return Task.FromResult(stats);
    }

    // A hold keeps its expiry until it is confirmed, so a row without one that is not pending is (or was) a booking.
    private static bool IsBooking(BookingRecord booking) => booking.Status != BookingStatus.Pending && booking.HoldExpiresAt is null;

    private static IOrderedEnumerable<BookingRecord> InOrder(IEnumerable<BookingRecord> rows) =>
        rows.OrderBy(b => b.StartUtc).ThenBy(b => b.Id, StringComparer.Ordinal);
}
