using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>Refuses resource definitions the booking rules cannot work with, saying what is wrong.</summary>
internal static class ResourceValidator
{
    private const int MaxCapacity = 10_000;

    /// <summary>Null when valid; otherwise a <c>validation_failed</c> error listing every problem found.</summary>
    public static BookingError? Validate(ResourceDefinition resource)
    {
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(resource.Id))
        {
            problems.Add("id is required");
        }

        if (string.IsNullOrWhiteSpace(resource.Name))
        {
            problems.Add("name is required");
        }

        if (!Enum.IsDefined(resource.Kind))
        {
            problems.Add("kind must be mentor, parking_slot or service");
        }

        if (resource.Capacity is < 1 or > MaxCapacity)
        {
            problems.Add($"capacity must be between 1 and {MaxCapacity}");
        }

        if (LocalTimeResolver.FindZone(resource.TimeZone) is null)
        {
            problems.Add($"timeZone '{resource.TimeZone}' is not a known IANA time zone");
        }

        var slotValid = resource.SlotMinutes is >= 1 and <= LocalMinutes.Day && LocalMinutes.Day % resource.SlotMinutes == 0;
        if (!slotValid)
        {
            problems.Add("slotMinutes must divide a day (5, 10, 15, 20, 30, 60, ...)");
        }

        // A JSON body can hold null where a list or an item belongs; each is a problem to report, not a crash further on.
        if (resource.Durations is null || resource.Periods is null || resource.Weekly is null || resource.Exceptions is null || resource.Tags is null)
        {
            problems.Add("durations, periods, weekly, exceptions and tags must be lists (or objects), not null");
            return BookingError.Of(BookingErrorCodes.ValidationFailed, "Invalid resource: " + string.Join("; ", problems) + ".");
        }

        if (resource.Tags.Any(t => t is null))
        {
            problems.Add("tags must not contain null");
        }

        foreach (var duration in resource.Durations)
        {
            if (duration is <= 0 or > LocalMinutes.Day || (slotValid && duration % resource.SlotMinutes != 0))
            {
                problems.Add($"duration {duration} must be a positive multiple of slotMinutes within a day");
            }
        }

        if (resource.Durations.Distinct().Count() != resource.Durations.Count)
        {
            problems.Add("durations must not repeat");
        }

        foreach (var (name, window) in resource.Periods)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add("a period needs a name");
            }

            if (window is null)
            {
                problems.Add($"period '{name}' needs a start and an end");
                continue;
            }

            CheckWindow($"period '{name}'", window.Start, window.End, problems);
        }

        if (resource.Periods.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            problems.Add("period names must differ (ignoring case)");
        }

        ValidateSchedule(resource.Weekly, resource.Exceptions, problems);

        if (resource.BookingWindowDays is < 0)
        {
            problems.Add("bookingWindowDays must not be negative");
        }

        if (resource.MinNoticeMinutes < 0)
        {
            problems.Add("minNoticeMinutes must not be negative");
        }

        if (resource.CancellationCutoffMinutes < 0)
        {
            problems.Add("cancellationCutoffMinutes must not be negative");
        }

        if (resource.Price is < 0)
        {
            problems.Add("price must not be negative");
        }

        if (resource.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            problems.Add("currency must be an ISO 4217 code such as EUR");
        }

        return problems.Count == 0
            ? null
            : BookingError.Of(BookingErrorCodes.ValidationFailed, "Invalid resource: " + string.Join("; ", problems) + ".");
    }

    /// <summary>Null when the schedule is valid (windows end after they start, none overlap on a day, one exception per date).</summary>
    public static BookingError? ValidateSchedule(ResourceSchedule schedule)
    {
        var problems = new List<string>();
        if (schedule.Weekly is null || schedule.Exceptions is null)
        {
            return BookingError.Of(BookingErrorCodes.ValidationFailed, "Invalid schedule: weekly and exceptions must be lists (possibly empty), not null.");
        }

        ValidateSchedule(schedule.Weekly, schedule.Exceptions, problems);
        return problems.Count == 0
            ? null
            : BookingError.Of(BookingErrorCodes.ValidationFailed, "Invalid schedule: " + string.Join("; ", problems) + ".");
    }

    private static void ValidateSchedule(IReadOnlyList<WeeklyWindow> weekly, IReadOnlyList<ScheduleException> exceptions, List<string> problems)
    {
        if (weekly.Any(w => w is null) || exceptions.Any(e => e is null || e.Windows is null || e.Windows.Any(w => w is null)))
        {
            problems.Add("weekly windows, exceptions and their windows must not be null");
            return;
        }

        foreach (var day in weekly.GroupBy(w => w.Day))
        {
            var label = day.Key.ToString().ToLowerInvariant();
            foreach (var window in day)
            {
                CheckWindow($"{label} window", window.Start, window.End, problems);
            }

            CheckOverlaps(label, day.Select(w => TimeWindow.Of(w.Start, w.End)), problems);
        }

        foreach (var date in exceptions.GroupBy(e => e.Date))
        {
            if (date.Count() > 1)
            {
                problems.Add($"{date.Key:yyyy-MM-dd} has more than one exception");
            }

            foreach (var exception in date)
            {
                if (exception.Closed && exception.Windows.Count > 0)
                {
                    problems.Add($"{date.Key:yyyy-MM-dd} cannot be both closed and have windows");
                }

                foreach (var window in exception.Windows)
                {
                    CheckWindow($"{date.Key:yyyy-MM-dd} window", window.Start, window.End, problems);
                }

                CheckOverlaps($"{date.Key:yyyy-MM-dd}", exception.Windows, problems);
            }
        }
    }

    private static void CheckWindow(string label, TimeOnly start, TimeOnly end, List<string> problems)
    {
        var s = LocalMinutes.OfStart(start);
        var e = LocalMinutes.OfEnd(end);
        if (s is null || e is null)
        {
            problems.Add($"{label} must use whole minutes");
        }
        else if (e <= s)
        {
            problems.Add($"{label} {LocalMinutes.Format(s.Value)}–{LocalMinutes.Format(e.Value)} must end after it starts");
        }
    }

    private static void CheckOverlaps(string label, IEnumerable<TimeWindow> windows, List<string> problems)
    {
        var sorted = windows
            .Select(w => (Start: LocalMinutes.StartOf(w.Start), End: LocalMinutes.EndOf(w.End)))
            .OrderBy(w => w.Start)
            .ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                problems.Add($"overlapping windows on {label}: {LocalMinutes.Format(sorted[i - 1].Start)}–{LocalMinutes.Format(sorted[i - 1].End)} and {LocalMinutes.Format(sorted[i].Start)}–{LocalMinutes.Format(sorted[i].End)}");
            }
        }
    }
}
