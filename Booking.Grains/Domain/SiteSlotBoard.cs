using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// A site-day's view of its slots for one date: which slot-periods are taken by committed bookings and which are
/// leased to requests in flight. Two periods of one slot clash when their windows overlap (<c>day</c> clashes with
/// <c>morning</c> and <c>afternoon</c>). The view is a hint for assignment; each slot's resource-day grain decides.
/// </summary>
internal sealed class SiteSlotBoard
{
    private readonly SiteDefinition _site;
    private readonly Dictionary<string, HashSet<string>> _taken = [];
    private readonly Dictionary<string, (string SlotId, string Period)> _leases = [];

    public SiteSlotBoard(SiteDefinition site)
    {
        _site = site;
        foreach (var slot in site.Slots)
        {
            _taken[slot.ResourceId] = new HashSet<string>(StringComparer.Ordinal);
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
        if (_taken.TryGetValue(slotId, out var periods))
        {
            periods.Add(period);
        }
    }

    /// <summary>Replaces what is known to be taken on a slot (from its occupancy); leases stay.</summary>
    public void ReplaceTaken(string slotId, IEnumerable<string> periods)
    {
        if (_taken.TryGetValue(slotId, out var taken))
        {
            taken.Clear();
            taken.UnionWith(periods);
        }
    }

    public bool IsFree(string slotId, string period)
    {
        if (!_taken.TryGetValue(slotId, out var taken))
        {
            return false;
        }

        return !taken.Any(p => Clash(p, period))
            && !_leases.Values.Any(l => l.SlotId == slotId && Clash(l.Period, period));
    }

    public int FreeCount(string period) => _site.Slots.Count(s => IsFree(s.ResourceId, period));

    /// <summary>The periods of the site template that an occupancy makes unbookable (some instant of the period has no capacity left).</summary>
    public static IReadOnlyList<string> TakenPeriods(SiteDefinition site, DayOccupancy occupancy)
    {
        var full = occupancy.Taken
            .Where(s => s.Remaining == 0)
            .Select(s => (Start: LocalMinutes.StartOf(s.Start), End: LocalMinutes.EndOf(s.End)))
            .ToList();
        return site.Periods
            .Where(p => full.Any(f => f.Start < LocalMinutes.EndOf(p.Value.End) && LocalMinutes.StartOf(p.Value.Start) < f.End))
            .Select(p => p.Key)
            .ToList();
    }

    private bool Clash(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (!_site.Periods.TryGetValue(a, out var x) || !_site.Periods.TryGetValue(b, out var y))
        {
            return false;
        }

        return LocalMinutes.StartOf(x.Start) < LocalMinutes.EndOf(y.End) && LocalMinutes.StartOf(y.Start) < LocalMinutes.EndOf(x.End);
    }
}
