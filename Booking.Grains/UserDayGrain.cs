using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;

namespace Booking.Grains;

/// <summary>
/// Keeps one person from holding clashing bookings on one local date. Its view is rebuilt from the committed bookings
/// rows (the truth) on activation, and again whenever a lease lapses unconfirmed or before it refuses anyone because of
/// a committed booking; leases for bookings in flight live only in memory. A crash therefore loses leases only: a
/// booking that committed is found in the rows, one that did not leaves nothing behind.
/// </summary>
[GrainType("user-day")]
internal sealed class UserDayGrain(IBookingQuery bookingQuery, TimeProvider timeProvider) : Grain, IUserDayGrain
{
    private readonly Dictionary<string, UserDayEntry> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserDayEntry> _leases = new(StringComparer.Ordinal);
    private string _userId = string.Empty;
    private DateOnly _date;
    private bool _stale;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!GrainKeys.TryParseDayKey(this.GetPrimaryKeyString(), out _userId, out _date))
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a user-day key (userId/yyyy-MM-dd).");
        }

        await RefreshAsync(cancellationToken);
    }

    public async Task<UserLeaseOutcome> TryLeaseAsync(UserLeaseRequest request)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var lapsed in _leases.Values.Where(l => !l.IsLiveAt(now)).ToList())
        {
            // Its booking may have committed without the confirmation reaching us: only the rows can tell.
            _leases.Remove(lapsed.BookingId);
            _stale = true;
        }

        if (_stale)
        {
            await RefreshAsync(CancellationToken.None);
        }

        var candidate = UserDayEntry.FromLease(request, now + BookingDefaults.LeaseDuration);
        var conflict = FindConflict(candidate, now);
        if (conflict is not null && _committed.ContainsKey(conflict.BookingId))
        {
            // A cancellation notice may have been lost; never refuse on a booking the rows no longer hold.
            await RefreshAsync(CancellationToken.None);
            conflict = FindConflict(candidate, now);
        }

        if (conflict is not null)
        {
            return UserLeaseOutcome.Conflict(conflict.BookingId, Describe(conflict, candidate));
        }

        _leases[request.LeaseId] = candidate;
        return UserLeaseOutcome.Grant();
    }

    public Task ConfirmLeaseAsync(string leaseId, BookingRecord booking)
    {
        _leases.Remove(leaseId);
        if (booking.IsActiveAt(timeProvider.GetUtcNow()))
        {
            _committed[booking.Id] = UserDayEntry.FromBooking(booking);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseLeaseAsync(string leaseId)
    {
        _leases.Remove(leaseId);
        return Task.CompletedTask;
    }

    public Task OnBookingCancelledAsync(string bookingId)
    {
        _committed.Remove(bookingId);
        _leases.Remove(bookingId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetActiveBookingIdsAsync()
    {
        var now = timeProvider.GetUtcNow();
        return Task.FromResult<IReadOnlyList<string>>([.. _committed.Values.Where(e => e.IsLiveAt(now)).OrderBy(e => e.StartUtc).Select(e => e.BookingId)]);
    }

    private UserDayEntry? FindConflict(UserDayEntry candidate, DateTimeOffset now) =>
        UserConflictRules.FindConflict(_committed.Values.Concat(_leases.Values), candidate, now);

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var rows = await bookingQuery.GetActiveBookingsForUserOnDateAsync(_userId, _date, cancellationToken);
        var now = timeProvider.GetUtcNow();
        _committed.Clear();
        foreach (var row in rows.Where(r => r.IsActiveAt(now)))
        {
            _committed[row.Id] = UserDayEntry.FromBooking(row);
        }

        _stale = false;
    }

    private static string Describe(UserDayEntry existing, UserDayEntry candidate) =>
        candidate.Kind == ResourceKind.ParkingSlot
            ? $"You already have a parking place then ({Period(existing)})."
            : $"You already have a booking from {existing.StartUtc:HH:mm} to {existing.EndUtc:HH:mm} UTC that overlaps this one.";

    private static string Period(UserDayEntry entry) =>
        entry.Period ?? $"{entry.StartUtc:HH:mm}–{entry.EndUtc:HH:mm} UTC";
}
