namespace Booking.Grains.Domain;

/// <summary>
/// Local wall-clock times as minutes from midnight. An end time of <c>00:00</c> is midnight at the end of the
/// date (1440), so a window or booking may run until the end of the day but never crosses into the next one.
/// </summary>
internal static class LocalMinutes
{
    public const int Day = 24 * 60;

    /// <summary>Minutes from midnight of a start time; null when the time has seconds (not on any minute grid).</summary>
    public static int? OfStart(TimeOnly time) =>
        time.Ticks % TimeSpan.TicksPerMinute == 0 ? (int)(time.Ticks / TimeSpan.TicksPerMinute) : null;

    /// <summary>Minutes from midnight of an end time, where <c>00:00</c> is 1440; null when the time has seconds.</summary>
    public static int? OfEnd(TimeOnly time) => OfStart(time) is { } minutes ? (minutes == 0 ? Day : minutes) : null;

    /// <summary>Start minute of a time that is known to be on a minute (stored data); seconds are dropped.</summary>
    public static int StartOf(TimeOnly time) => (int)(time.Ticks / TimeSpan.TicksPerMinute);

    /// <summary>End minute of a time that is known to be on a minute (stored data); <c>00:00</c> is 1440.</summary>
    public static int EndOf(TimeOnly time) => StartOf(time) is var m && m == 0 ? Day : m;

    /// <summary>The time of day of a minute in [0, 1440]; 1440 becomes <c>00:00</c>.</summary>
    public static TimeOnly ToTime(int minutes) => minutes >= Day ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes));

    public static string Format(int minutes) => minutes >= Day ? "24:00" : ToTime(minutes).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
