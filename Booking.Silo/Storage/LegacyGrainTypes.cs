using System.Text;

namespace Booking.Silo.Storage;

/// <summary>
/// The grain types a database written by the stand-in runtime (before Orleans) uses: it keyed state and reminders by the
/// grain interface's full name. The upgrade migrations rename them to the Orleans grain types pinned with <c>[GrainType]</c>.
/// </summary>
internal static class LegacyGrainTypes
{
    public static readonly IReadOnlyDictionary<string, string> ToGrainType = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Booking.Grains.Interfaces.IResourceDayGrain"] = "resource-day",
        ["Booking.Grains.Interfaces.IResourceGrain"] = "resource",
        ["Booking.Grains.Interfaces.IResourceDirectoryGrain"] = "resource-directory",
        ["Booking.Grains.Interfaces.IResourceIndexGrain"] = "resource-index",
        ["Booking.Grains.Interfaces.ISiteGrain"] = "site",
        ["Booking.Grains.Interfaces.ISiteDayGrain"] = "site-day",
        ["Booking.Grains.Interfaces.ISiteDirectoryGrain"] = "site-directory",
        ["Booking.Grains.Interfaces.IUserDayGrain"] = "user-day",
        ["Booking.Grains.Interfaces.Accounts.IUserAccountGrain"] = "user-account",
        ["Booking.Grains.Interfaces.Accounts.IUserDirectoryGrain"] = "user-directory",
        ["Booking.Grains.Interfaces.Accounts.IAuthSettingsGrain"] = "auth-settings",
        ["Booking.Grains.Interfaces.Accounts.IEmailIndexGrain"] = "email-index",
        ["Booking.Grains.Interfaces.Accounts.IMailOutboxGrain"] = "mail-outbox",
        ["Booking.Grains.Interfaces.Notifications.INotificationInboxGrain"] = "notification-inbox",
    };

    /// <summary>
    /// <c>UPDATE {table} SET grain_type = CASE ... END WHERE grain_type IN (...)</c> over the constant map above (no input
    /// reaches the SQL). Valid in PostgreSQL and SQLite.
    /// </summary>
    public static string RenameSql(string table)
    {
        var sql = new StringBuilder($"UPDATE {table} SET grain_type = CASE grain_type");
        foreach (var (legacy, grainType) in ToGrainType)
        {
            sql.Append($" WHEN '{legacy}' THEN '{grainType}'");
        }

        sql.Append(" END WHERE grain_type IN (");
        sql.AppendJoin(", ", ToGrainType.Keys.Select(k => $"'{k}'"));
        return sql.Append(')').ToString();
    }
}
