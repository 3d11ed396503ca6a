using System.Globalization;

namespace Booking.Runtime.Reminders;

/// <summary>Reminder ETags: the row's version as an invariant decimal string.</summary>
internal static class ReminderVersion
{
    public static bool TryParse(string? eTag, out long version) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out version);
}
