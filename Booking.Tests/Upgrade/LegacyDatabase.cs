namespace Booking.Tests.Upgrade;

/// <summary>
/// What a fixture in <c>Upgrade/Fixtures</c> holds. Each was written by Booking.Web at commit 7cc7523 (the last before
/// Orleans) through its REST API: demo data on; the demo provider created <see cref="ResourceId"/> (a service, capacity 1,
/// every day 08:00–18:00 UTC); <see cref="MemberEmail"/> registered and booked 10:00–11:00 on <see cref="Date"/>, then held
/// 14:00–15:00 for five minutes (long lapsed by any test run). The SQLite file is the database itself; the SQL file is
/// <c>pg_dump --no-owner --no-privileges --inserts</c> of the PostgreSQL one.
/// </summary>
internal sealed record LegacyDatabase(string File, string ResourceId, string MemberId, string BookingId, string HoldId)
{
    public const string MemberEmail = "upgrade.member@example.com";
    public const string MemberPassword = "legacy-password-1";
    public const string ResourceName = "Upgrade desk";
    public const string Date = "2036-06-02";
    public const string BookingStart = "10:00";
    public const string BookingEnd = "11:00";
    public const string HoldStart = "14:00";
    public const string HoldReminderName = "hold-expiry";

    public static readonly LegacyDatabase Sqlite = new(
        "pre-orleans.db",
        ResourceId: "85e4c0e13cde49fa80c757dcc81a0cee",
        MemberId: "7615db8fc8984ef390771221077f487a",
        BookingId: "abe73c65a4664550a86d9c6034606500",
        HoldId: "327f5bb539824ba591e67b706af0f84b");

    public static readonly LegacyDatabase Postgres = new(
        "pre-orleans.sql",
        ResourceId: "e4b5c4c693534a0f85b9a23435da5f5c",
        MemberId: "223d155cbb9a475bbce8e3606a9647e4",
        BookingId: "d6fe2a1656ab409e92556699ed9cc7ca",
        HoldId: "ee6fb1c3b8c54f89afdfe682a733d4e6");

    public string FixturePath => Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures", File);

    /// <summary>The key of the resource-day grain that holds the booking and the hold.</summary>
    public string ResourceDayKey => $"{ResourceId}/{Date}";

    /// <summary>The Orleans grain id of that resource-day, as its reminder is keyed.</summary>
    public string ResourceDayGrainId => $"resource-day/{ResourceDayKey}";
}
