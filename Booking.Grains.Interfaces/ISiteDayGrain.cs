using Booking.Grains.Interfaces.Live;
using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>
/// Assigns free slots of a parking site on one local date (key: <c>siteId/yyyy-MM-dd</c>). Requests interleave: each
/// leases a different slot in memory and lets that slot's resource-day grain commit, so a morning rush is not
/// serialised behind database writes. Live subscribers (<see cref="ILiveSource"/>) hear of every slot that was booked,
/// held or freed on that date.
/// </summary>
[Alias("booking.ISiteDayGrain")]
public interface ISiteDayGrain : ILiveSource
{
    /// <summary>
    /// Books some free slot of the site for <paramref name="period"/> and returns that booking; <c>site_full</c> only
    /// when every slot is taken by a committed booking, <c>user_conflict</c> when the person already has a place then,
    /// and the slot's own refusal (e.g. <c>in_the_past</c>) otherwise.
    /// </summary>
    Task<BookingOutcome> BookAnyAsync(string userId, string period);

    /// <summary>Each slot of the site with whether it is free for <paramref name="period"/> (re-read from the slots when stale).</summary>
    Task<IReadOnlyList<SiteSlotStatus>> GetSlotStatusAsync(string period);

    /// <summary>Told by a slot's resource-day grain that one of its bookings was cancelled, so the slot can be assigned again.</summary>
    Task OnSlotReleasedAsync(string resourceId, string? period);

    /// <summary>
    /// Told by a slot's resource-day grain, after the commit, that a booking or hold took some of its time (through this
    /// grain or directly): the slot is read again before its status is next shown, and live subscribers are told.
    /// </summary>
    [OneWay]
    Task OnSlotTakenAsync(string resourceId);
}
