using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// Turns the time a request gives (start + end, a named period, or start + duration) into a local interval on the
/// request's date, checking its shape: one form only, a known period, end after start on the same date, an allowed
/// duration, and — for times given as clock times — alignment to the slot grid.
/// </summary>
/// <remarks>
/// The slot grid is anchored at local midnight, not at the start of each availability window: slot labels stay the
/// same every day whatever the exceptions, and a window that starts off the grid loses its partial first slot
/// (a provider opening at 09:15 with 30-minute slots sets <c>slotMinutes</c> to 15). Named periods are exempt.
/// </remarks>
internal static class RequestResolver
{
    public static (LocalInterval Interval, BookingError? Error) Resolve(ResourceDefinition resource, BookRequest request)
    {
        var hasStart = request.Start is not null;
        var hasEnd = request.End is not null;
        var hasPeriod = request.Period is not null;
        var hasDuration = request.DurationMinutes is not null;

        if (hasPeriod && !hasStart && !hasEnd && !hasDuration)
        {
            return ResolvePeriod(resource, request.Date, request.Period!);
        }

        if (hasStart && !hasPeriod && (hasEnd ^ hasDuration))
        {
            return ResolveTimes(resource, request);
        }

        return Fail(BookingErrorCodes.ValidationFailed, "Give the time in exactly one way: start and end, a period, or start and durationMinutes.");
    }

    private static (LocalInterval, BookingError?) ResolvePeriod(ResourceDefinition resource, DateOnly date, string period)
    {
        foreach (var (name, window) in resource.Periods)
        {
            if (string.Equals(name, period, StringComparison.OrdinalIgnoreCase))
            {
                return (new LocalInterval(date, LocalMinutes.StartOf(window.Start), LocalMinutes.EndOf(window.End), name), null);
            }
        }

        var known = resource.Periods.Count == 0 ? "this resource has no named periods" : "known periods: " + string.Join(", ", resource.Periods.Keys);
        return Fail(BookingErrorCodes.ValidationFailed, $"Unknown period '{period}' ({known}).");
    }

    private static (LocalInterval, BookingError?) ResolveTimes(ResourceDefinition resource, BookRequest request)
    {
        var start = LocalMinutes.OfStart(request.Start!.Value);
        if (start is null)
        {
            return Fail(BookingErrorCodes.MisalignedSlot, "Times are whole minutes (HH:mm).");
        }

        int end;
        if (request.DurationMinutes is { } duration)
        {
            if (duration <= 0)
            {
                return Fail(BookingErrorCodes.InvalidDuration, $"durationMinutes must be positive (got {duration}).");
            }

            end = start.Value + duration;
            if (end > LocalMinutes.Day)
            {
                return Fail(BookingErrorCodes.ValidationFailed, $"A booking ends on the date it starts: {LocalMinutes.Format(start.Value)} + {duration} min runs past midnight.");
            }
        }
        else
        {
            var endMinute = LocalMinutes.OfEnd(request.End!.Value);
            if (endMinute is null)
            {
                return Fail(BookingErrorCodes.MisalignedSlot, "Times are whole minutes (HH:mm).");
            }

            end = endMinute.Value;
            if (end <= start.Value)
            {
                return Fail(BookingErrorCodes.ValidationFailed, $"The end ({LocalMinutes.Format(end)}) must be after the start ({LocalMinutes.Format(start.Value)}) on the same date.");
            }
        }

        var length = end - start.Value;
        if (resource.Durations.Count > 0 && !resource.Durations.Contains(length))
        {
            return Fail(BookingErrorCodes.InvalidDuration, $"A booking lasts {string.Join(", ", resource.Durations.Order())} minutes here (got {length}).");
        }

        var slot = resource.SlotMinutes;
        if (start.Value % slot != 0 || end % slot != 0)
        {
            return Fail(BookingErrorCodes.MisalignedSlot, $"Start and end must fall on the {slot}-minute grid from midnight (got {LocalMinutes.Format(start.Value)}–{LocalMinutes.Format(end)}).");
        }

        return (new LocalInterval(request.Date, start.Value, end, null), null);
    }

    private static (LocalInterval, BookingError?) Fail(string code, string message) => (default, BookingError.Of(code, message));
}
