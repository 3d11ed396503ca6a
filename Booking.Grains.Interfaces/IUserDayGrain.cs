using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>
/// One person's bookings on one local date (key: <c>userId/yyyy-MM-dd</c>), so that they never hold two overlapping
/// appointments nor two parking places at once. Holds no durable state: it rebuilds its view from the committed
/// bookings rows on activation and keeps in-memory leases for bookings in flight, so a crash loses only leases.
/// </summary>
[Alias("booking.IUserDayGrain")]
public interface IUserDayGrain : IGrainWithStringKey
{
    /// <summary>
    /// Grants a lease on the interval when it clashes with no live booking or lease of this person (re-reading the
    /// committed rows before refusing), else answers <c>user_conflict</c>. An unconfirmed lease lapses after 30 seconds.
    /// </summary>
    Task<UserLeaseOutcome> TryLeaseAsync(UserLeaseRequest request);

    /// <summary>Turns the lease into the committed <paramref name="booking"/> (also when the lease had lapsed).</summary>
    Task ConfirmLeaseAsync(string leaseId, BookingRecord booking);

    /// <summary>Drops the lease: its booking was not committed.</summary>
    Task ReleaseLeaseAsync(string leaseId);

    /// <summary>Forgets a booking that was cancelled (or released, completed, marked no-show), freeing its time.</summary>
    Task OnBookingCancelledAsync(string bookingId);

    /// <summary>The ids of the committed bookings this grain currently counts.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> GetActiveBookingIdsAsync();
}
