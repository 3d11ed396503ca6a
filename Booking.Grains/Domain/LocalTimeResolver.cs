using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// Converts a resource's local wall-clock times to instants. A local time that does not exist (the hour skipped
/// when clocks go forward) or happens twice (the hour repeated when they go back) has no single instant and is refused.
/// </summary>
internal static class LocalTimeResolver
{
    /// <summary>The zone for an IANA id (Windows ids work too); null when unknown.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// The instant of <paramref name="minuteOfDay"/> (0..1440) on <paramref name="date"/> in <paramref name="zone"/>,
    /// or an <c>invalid_local_time</c> error naming the problem.
    /// </summary>
    public static (DateTimeOffset Utc, BookingError? Error) ToUtc(DateOnly date, int minuteOfDay, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minuteOfDay);
        if (zone.IsInvalidTime(local))
        {
            return (default, BookingError.Of(
                BookingErrorCodes.InvalidLocalTime,
                $"{Describe(date, minuteOfDay)} does not exist in {zone.Id}: the clocks go forward then."));
        }

        if (zone.IsAmbiguousTime(local))
        {
            return (default, BookingError.Of(
                BookingErrorCodes.InvalidLocalTime,
                $"{Describe(date, minuteOfDay)} happens twice in {zone.Id}: the clocks go back then; choose a time outside the repeated hour."));
        }

        return (new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(), null);
    }

    /// <summary>The local date in <paramref name="zone"/> at the instant <paramref name="now"/>.</summary>
    public static DateOnly TodayIn(TimeZoneInfo zone, DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    private static string Describe(DateOnly date, int minuteOfDay) =>
        $"{date:yyyy-MM-dd} {LocalMinutes.Format(minuteOfDay)}";
}
