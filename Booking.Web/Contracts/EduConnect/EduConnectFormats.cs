using System.Globalization;
using System.Text.RegularExpressions;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>
/// EduConnect's wire formats: times <c>HH:MM</c>, weekdays 0 = Monday … 6 = Sunday, session dates as local ISO date-times
/// (<c>2024-01-15T09:00:00</c>, the mentor's wall clock) and French day names.
/// </summary>
public static partial class EduConnectFormats
{
    public const string TimePattern = @"^([01]\d|2[0-3]):[0-5]\d$";

    private static readonly string[] DayNames = ["Dimanche", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi"];

    public static DayOfWeek ToDayOfWeek(int dayOfWeek) => (DayOfWeek)((dayOfWeek + 1) % 7);

    public static int FromDayOfWeek(DayOfWeek day) => ((int)day + 6) % 7;

    public static string DayName(DayOfWeek day) => DayNames[(int)day];

    public static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LocalDateTime(DateOnly date, TimeOnly time) =>
        date.ToDateTime(time).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a session date as the mentor's wall-clock time: a local ISO date-time as given, or one with an offset
    /// (<c>Z</c>, <c>+01:00</c>) converted to <paramref name="zone"/>.
    /// </summary>
    public static bool TryParseSessionDate(string? text, TimeZoneInfo zone, out DateOnly date, out TimeOnly time)
    {
        date = default;
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        DateTime local;
        if (WithOffset().IsMatch(text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return false;
            }

            local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        }
        else if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            return false;
        }

        date = DateOnly.FromDateTime(local);
        time = TimeOnly.FromDateTime(local);
        return true;
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
