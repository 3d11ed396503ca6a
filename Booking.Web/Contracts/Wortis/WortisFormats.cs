using System.Globalization;

namespace Booking.Web.Contracts.Wortis;

/// <summary>Wortis' wire formats: dates <c>YYYY-MM-DD</c>, slots <c>HH:MM-HH:MM</c>, instants <c>2024-02-06T10:00:00.000Z</c>.</summary>
public static class WortisFormats
{
    public const string DatePattern = @"^\d{4}-\d{2}-\d{2}$";

    public const string TimeSlotPattern = @"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$";

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Splits <c>HH:MM-HH:MM</c>; an end of <c>00:00</c> is midnight at the end of the date, as in the engine.</summary>
    public static bool TryParseTimeSlot(string? text, out TimeOnly start, out TimeOnly end)
    {
        start = end = default;
        return text is { Length: 11 } && text[5] == '-'
            && TimeOnly.TryParseExact(text.AsSpan(0, 5), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
            && TimeOnly.TryParseExact(text.AsSpan(6, 5), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out end);
    }

    public static string TimeSlot(TimeOnly start, TimeOnly end) =>
        $"{start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{end.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
