using System.Globalization;
using Booking.Grains.Messages;

namespace Booking.Silo.Messages;

/// <summary>
/// Dates and offsets spelled out in French or English. Written out here because the service runs with invariant
/// globalization (no culture data), where every culture would print English month names.
/// </summary>
internal static class LocalDates
{
    private static readonly string[] FrenchDays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
    private static readonly string[] FrenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    private static readonly string[] EnglishDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary><c>mardi 2 mars 2027</c> · <c>Tuesday 2 March 2027</c>.</summary>
    public static string Date(DateOnly date, string language) => language == MessageLanguages.English
        ? string.Create(CultureInfo.InvariantCulture, $"{EnglishDays[(int)date.DayOfWeek]} {date.Day} {EnglishMonths[date.Month - 1]} {date.Year}")
        : string.Create(CultureInfo.InvariantCulture, $"{FrenchDays[(int)date.DayOfWeek]} {(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {FrenchMonths[date.Month - 1]} {date.Year}");

    /// <summary><c>14:30</c>.</summary>
    public static string Time(TimeOnly time) => time.ToString("HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>The offset from UTC of a local instant: <c>UTC+01:00</c>.</summary>
    public static string Offset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh':'mm", CultureInfo.InvariantCulture);

    /// <summary>An instant in a time zone, spelled out: <c>mardi 2 mars 2027 à 14:30 (Europe/Paris)</c>.</summary>
    public static string Instant(DateTimeOffset instant, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var at = language == MessageLanguages.English ? "at" : "à";
        return $"{Date(DateOnly.FromDateTime(local.DateTime), language)} {at} {Time(TimeOnly.FromDateTime(local.DateTime))} ({zone.Id})";
    }

    /// <summary>A lead time: <c>24 h</c>, <c>1 h 30 min</c>, <c>45 min</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var hours = (int)duration.TotalHours;
        var minutes = duration.Minutes;
        return (hours, minutes) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{hours} h"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours} h {minutes} min"),
        };
    }
}
