using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// Lists the free slots of a resource-day by asking <see cref="BookingRules"/> about every candidate: the candidates
/// are the named periods, or every start on the slot grid with the requested duration.
/// </summary>
internal static class FreeSlotFinder
{
    /// <summary>
    /// The slots a booking request would be accepted for now. With a duration: every grid start with that length.
    /// Without: the named periods when the resource has any, otherwise its shortest allowed duration (or one slot).
    /// </summary>
    public static IReadOnlyList<FreeSlot> FindFreeSlots(
        ResourceDefinition resource,
        DateOnly date,
        IReadOnlyCollection<BookingRecord> bookings,
        DateTimeOffset now,
        int? durationMinutes = null)
    {
        var slots = new List<FreeSlot>();
        foreach (var candidate in Candidates(resource, date, durationMinutes))
        {
            var decision = BookingRules.Decide(resource, candidate, bookings, now);
            if (decision.IsAccepted)
            {
                slots.Add(ToFreeSlot(decision.Interval));
            }
        }

        return slots;
    }

    /// <summary>
    /// Up to <see cref="BookingDefaults.MaxAlternatives"/> free slots of the same shape as a refused request (same
    /// duration, or other periods), on the same date, nearest to the requested start first (earlier first on a tie).
    /// Other dates are not searched: this resource-day only knows its own bookings.
    /// </summary>
    public static IReadOnlyList<FreeSlot> Alternatives(
        ResourceDefinition resource,
        BookRequest refused,
        IReadOnlyCollection<BookingRecord> bookings,
        DateTimeOffset now)
    {
        var (local, error) = RequestResolver.Resolve(resource, refused);
        if (error is not null)
        {
            return [];
        }

        var free = local.Period is not null
            ? FindFreeSlots(resource, local.Date, bookings, now).Where(s => s.Period is not null && s.Period != local.Period)
            : FindFreeSlots(resource, local.Date, bookings, now, local.LengthMinutes);

        return free
            .OrderBy(s => Math.Abs(LocalMinutes.StartOf(s.Start) - local.StartMinute))
            .ThenBy(s => s.StartUtc)
            .Take(BookingDefaults.MaxAlternatives)
            .ToList();
    }

    public static FreeSlot ToFreeSlot(ResolvedInterval interval) => new()
    {
        Date = interval.Date,
        Start = interval.Start,
        End = interval.End,
        StartUtc = interval.StartUtc,
        EndUtc = interval.EndUtc,
        Period = interval.Period,
    };

    private static IEnumerable<BookRequest> Candidates(ResourceDefinition resource, DateOnly date, int? durationMinutes)
    {
        if (durationMinutes is null && resource.Periods.Count > 0)
        {
            foreach (var (name, _) in resource.Periods.OrderBy(p => LocalMinutes.StartOf(p.Value.Start)).ThenBy(p => LocalMinutes.EndOf(p.Value.End)))
            {
                yield return Candidate(resource, date) with { Period = name };
            }

            yield break;
        }

        var duration = durationMinutes ?? (resource.Durations.Count > 0 ? resource.Durations.Min() : resource.SlotMinutes);
        if (duration <= 0)
        {
            yield break;
        }

        var windows = ScheduleCalendar.WindowsOn(resource, date);
        for (var start = 0; start + duration <= LocalMinutes.Day; start += resource.SlotMinutes)
        {
            // Starts outside every window would be refused anyway; skipping them only saves work.
            if (!windows.Any(w => w.Start <= start && start + duration <= w.End))
            {
                continue;
            }

            yield return Candidate(resource, date) with { Start = LocalMinutes.ToTime(start), DurationMinutes = duration };
        }
    }

    private static BookRequest Candidate(ResourceDefinition resource, DateOnly date) =>
        new() { UserId = string.Empty, ResourceId = resource.Id, Date = date };
}
