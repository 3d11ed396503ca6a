using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>A resource's opening windows on a given date: a dated exception replaces the weekday's weekly windows (or closes the date).</summary>
internal static class ScheduleCalendar
{
    /// <summary>The date's windows in local minutes, sorted, with overlapping or touching windows merged.</summary>
    public static IReadOnlyList<(int Start, int End)> WindowsOn(ResourceDefinition resource, DateOnly date)
    {
        IEnumerable<(int Start, int End)> raw;
        var exception = resource.Exceptions.FirstOrDefault(e => e.Date == date);
        if (exception is not null)
        {
            raw = exception.Closed ? [] : exception.Windows.Select(w => (LocalMinutes.StartOf(w.Start), LocalMinutes.EndOf(w.End)));
        }
        else
        {
            raw = resource.Weekly.Where(w => w.Day == date.DayOfWeek).Select(w => (LocalMinutes.StartOf(w.Start), LocalMinutes.EndOf(w.End)));
        }

        var merged = new List<(int Start, int End)>();
        foreach (var window in raw.Where(w => w.Item2 > w.Item1).OrderBy(w => w.Item1))
        {
            if (merged.Count > 0 && window.Item1 <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, window.Item2));
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged;
    }

    /// <summary>
    /// How many minutes the resource is open from <paramref name="from"/> to <paramref name="to"/> (both included), by the
    /// schedule as it is now: the length of each date's merged windows in local wall-clock minutes (a window across a DST
    /// change counts its nominal length).
    /// </summary>
    public static long OpenMinutes(ResourceDefinition resource, DateOnly from, DateOnly to)
    {
        long minutes = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            minutes += WindowsOn(resource, date).Sum(w => (long)(w.End - w.Start));
        }

        return minutes;
    }

    /// <summary>Whether [start, end) lies inside one (merged) window of the date.</summary>
    public static bool Contains(ResourceDefinition resource, DateOnly date, int start, int end) =>
        WindowsOn(resource, date).Any(w => w.Start <= start && end <= w.End);
}
