using System.Collections.Concurrent;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Projections;
using Booking.Runtime;
using Booking.Runtime.Storage;
using Booking.Runtime.Storage.Memory;

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
            .. _rows.Values
                .Where(b => b.UserId == userId && b.Date == date && b.Status is BookingStatus.Pending or BookingStatus.Confirmed)
                .OrderBy(b => b.StartUtc),
        ];
        return Task.FromResult(rows);
    }

    public Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetValueOrDefault(bookingId));
}
