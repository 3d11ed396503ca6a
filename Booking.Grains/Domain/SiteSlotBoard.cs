using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// A site-day's view of its slots for one date: which ranges of each slot are taken by committed bookings and which
/// slot-periods are leased to requests in flight. A period is free when its window overlaps neither (<c>day</c> clashes
/// with <c>morning</c> and <c>afternoon</c>, but a taken morning leaves the afternoon free). Taken time is kept as
/// ranges, not period names, because a name derived from it (a morning makes the <c>day</c> unbookable) would in turn
/// clash with the other half. The view is a hint for assignment; each slot's resource-day grain decides.
/// </summary>
internal sealed class SiteSlotBoard
{
    private readonly SiteDefinition _site;
    private readonly Dictionary<string, List<(int Start, int End)>> _taken = [];
    private readonly Dictionary<string, (string SlotId, string Period)> _leases = [];

    public SiteSlotBoard(SiteDefinition site)
    {
        _site = site;
        foreach (var slot in site.Slots)
        {
            _taken[slot.ResourceId] = [];
        }
    }

    public int LeaseCount => _leases.Count;

    /// <summary>The site's own spelling of <paramref name="period"/> (case-insensitive), or null when the site has no such period.</summary>
    public string? CanonicalPeriod(string period) =>
        _site.Periods.Keys.FirstOrDefault(p => string.Equals(p, period, StringComparison.OrdinalIgnoreCase));

    /// <summary>Leases the first slot (in site order) whose <paramref name="period"/> is neither taken nor leased; null when none.</summary>
    public SiteSlot? TryLease(string leaseId, string period)
    {
        foreach (var slot in _site.Slots)
        {
            if (IsFree(slot.ResourceId, period))
            {
                _leases[leaseId] = (slot.ResourceId, period);
                return slot;
            }
        }

        return null;
    }

    /// <summary>The leased slot-period becomes taken (its booking committed).</summary>
    public void Commit(string leaseId)
    {
        if (_leases.Remove(leaseId, out var lease))
        {
            MarkTaken(lease.SlotId, lease.Period);
        }
    }

    /// <summary>The leased slot-period is free again (its booking was refused or failed).</summary>
    public void Release(string leaseId) => _leases.Remove(leaseId);

    public void MarkTaken(string slotId, string period)
    {
        if (_taken.TryGetValue(slotId, out var taken) && Window(period) is { } window)
        {
            taken.Add(window);
        }
    }

    /// <summary>Replaces what is known to be taken on a slot (see <see cref="FullRanges"/>); leases stay.</summary>
    public void ReplaceTaken(string slotId, IEnumerable<(int Start, int End)> ranges)
    {
        if (_taken.TryGetValue(slotId, out var taken))
        {
            taken.Clear();
            taken.AddRange(ranges);
        }
    }

    public bool IsFree(string slotId, string period)
    {
        if (!_taken.TryGetValue(slotId, out var taken) || Window(period) is not { } window)
        {
            return false;
        }

        return !taken.Any(range => Overlaps(range, window))
            && !_leases.Values.Any(l => l.SlotId == slotId && (l.Period == period || Window(l.Period) is { } leased && Overlaps(leased, window)));
    }

    public int FreeCount(string period) => _site.Slots.Count(s => IsFree(s.ResourceId, period));

    /// <summary>The local minute ranges of an occupancy that have no capacity left: no period overlapping them can be booked.</summary>
    public static IReadOnlyList<(int Start, int End)> FullRanges(DayOccupancy occupancy) =>
    [
        .. occupancy.Taken
            .Where(s => s.Remaining == 0)
            .Select(s => (LocalMinutes.StartOf(s.Start), LocalMinutes.EndOf(s.End))),
    ];

    private (int Start, int End)? Window(string period) =>
        _site.Periods.TryGetValue(period, out var window) ? (LocalMinutes.StartOf(window.Start), LocalMinutes.EndOf(window.End)) : null;

    private static bool Overlaps((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;
}
