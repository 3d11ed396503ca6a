using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;

namespace Booking.Bench.Targets;

/// <summary>Stand-in until AddBookingStorage registers the SQL bookings query: no committed rows.</summary>
internal sealed class InterimBookingQuery : IBookingQuery
{
    public Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BookingRecord>>([]);

    public Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken) => Task.FromResult<BookingRecord?>(null);
}
