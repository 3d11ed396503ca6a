using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// Counts overlapping active bookings with a sweep over their start and end instants. Intervals are half-open
/// [start, end): a booking ending at 10:00 and one starting at 10:00 never overlap.
/// </summary>
internal static class CapacitySweep
{
    /// <summary>
    /// The largest number of bookings active at <paramref name="now"/> that overlap at any single instant of
    /// [<paramref name="from"/>, <paramref name="to"/>), ignoring <paramref name="ignoreBookingId"/>.
    /// </summary>
    public static int MaxConcurrent(IEnumerable<BookingRecord> bookings, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? ignoreBookingId = null)
    {
        var events = new List<(DateTimeOffset At, int Delta)>();
        foreach (var booking in bookings)
        {
            if (!booking.IsActiveAt(now) || booking.Id == ignoreBookingId || booking.StartUtc >= to || booking.EndUtc <= from)
            {
                continue;
            }

            events.Add((booking.StartUtc > from ? booking.StartUtc : from, +1));
            events.Add((booking.EndUtc < to ? booking.EndUtc : to, -1));
        }

        // Ends sort before starts at the same instant: half-open intervals that touch do not overlap.
        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));

        int current = 0, max = 0;
        foreach (var (_, delta) in events)
        {
            current += delta;
            max = Math.Max(max, current);
        }

        return max;
    }

    /// <summary>The local ranges of the date where at least one active booking runs, each with its count and remaining capacity.</summary>
    public static IReadOnlyList<OccupancySegment> Segments(IEnumerable<BookingRecord> bookings, int capacity, DateTimeOffset now)
    {
        var events = new List<(int At, int Delta)>();
        foreach (var booking in bookings.Where(b => b.IsActiveAt(now)))
        {
            events.Add((LocalMinutes.StartOf(booking.Start), +1));
            events.Add((LocalMinutes.EndOf(booking.End), -1));
        }

        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));

        var segments = new List<OccupancySegment>();
        int current = 0, i = 0;
        while (i < events.Count)
        {
            var at = events[i].At;
            while (i < events.Count && events[i].At == at)
            {
                current += events[i].Delta;
                i++;
            }

            if (current > 0 && i < events.Count)
            {
                var next = events[i].At;
                if (segments.Count > 0 && segments[^1].Booked == current && LocalMinutes.EndOf(segments[^1].End) == at)
                {
                    segments[^1] = segments[^1] with { End = LocalMinutes.ToTime(next) };
                }
                else
                {
                    segments.Add(new OccupancySegment
                    {
                        Start = LocalMinutes.ToTime(at),
                        End = LocalMinutes.ToTime(next),
                        Booked = current,
                        Remaining = Math.Max(0, capacity - current),
                    });
                }
            }
        }

        return segments;
    }
}
