using System.Globalization;

namespace Booking.Grains.Interfaces;

/// <summary>
/// The string keys of the per-day grains: <c>{id}/{yyyy-MM-dd}</c>. The date is the last segment, so an id may itself
/// contain a slash.
/// </summary>
public static class GrainKeys
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Key of the <see cref="IResourceDayGrain"/> of <paramref name="resourceId"/> on the local <paramref name="date"/>.</summary>
    public static string ResourceDay(string resourceId, DateOnly date) => DayKey(resourceId, date);

    /// <summary>Key of the <see cref="IUserDayGrain"/> of <paramref name="userId"/> on the local <paramref name="date"/>.</summary>
    public static string UserDay(string userId, DateOnly date) => DayKey(userId, date);

    /// <summary>Key of the <see cref="ISiteDayGrain"/> of <paramref name="siteId"/> on the local <paramref name="date"/>.</summary>
    public static string SiteDay(string siteId, DateOnly date) => DayKey(siteId, date);

    /// <summary>Splits a per-day key into its id and date; false when it is not one.</summary>
    public static bool TryParseDayKey(string key, out string id, out DateOnly date)
    {
        var slash = key.LastIndexOf('/');
        if (slash > 0 && DateOnly.TryParseExact(key.AsSpan(slash + 1), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            id = key[..slash];
            return true;
        }

        id = string.Empty;
        date = default;
        return false;
    }

    private static string DayKey(string id, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return $"{id}/{date.ToString(DateFormat, CultureInfo.InvariantCulture)}";
    }
}
