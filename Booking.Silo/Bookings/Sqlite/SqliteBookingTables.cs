using System.Globalization;
using Booking.Silo.Storage.Sqlite;

namespace Booking.Silo.Bookings.Sqlite;

/// <summary>
/// The <c>bookings</c> query table in SQLite, with the PostgreSQL table's columns. Dates, times and instants are text in
/// fixed-width formats, so they compare and sort as text exactly as they do as values.
/// </summary>
internal static class SqliteBookingTables
{
    // SQLite has no exclusion constraints, and needs none as a fence: it serves one silo, where each user-day grain has
    // one activation and its leases alone keep a user's bookings apart.
    public static readonly IReadOnlyList<SqliteMigration> Migrations =
    [
        new(1000, "bookings table", """
            CREATE TABLE bookings (
                id TEXT NOT NULL PRIMARY KEY,
                resource_id TEXT NOT NULL,
                resource_kind TEXT NOT NULL CHECK (resource_kind IN ('mentor', 'parking_slot', 'service')),
                resource_group TEXT NOT NULL GENERATED ALWAYS AS (CASE WHEN resource_kind = 'parking_slot' THEN 'parking' ELSE 'appointment' END) VIRTUAL,
                capacity INTEGER CHECK (capacity >= 1),
                user_id TEXT NOT NULL,
                local_date TEXT NOT NULL,
                local_start TEXT NOT NULL,
                local_end TEXT NOT NULL,
                start_utc TEXT NOT NULL,
                end_utc TEXT NOT NULL,
                duration_minutes INTEGER NOT NULL,
                period TEXT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
                subject TEXT,
                notes TEXT,
                details TEXT NOT NULL DEFAULT '{}',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                cancelled_at TEXT,
                cancelled_by TEXT,
                cancel_reason TEXT,
                checked_in_at TEXT,
                idempotency_key TEXT,
                hold_id TEXT,
                hold_expires_at TEXT,
                record TEXT NOT NULL,
                CHECK (start_utc < end_utc)
            );
            CREATE INDEX bookings_by_user_date ON bookings (user_id, local_date, start_utc, id);
            CREATE INDEX bookings_by_resource_date ON bookings (resource_id, local_date, start_utc, id);
            CREATE INDEX bookings_by_status ON bookings (status, start_utc, id);
            CREATE INDEX bookings_by_start ON bookings (start_utc, id);
            """),
    ];

    /// <summary>An instant as stored: UTC, seven fractional digits, so text order is time order.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A local date as stored.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>A local time as stored.</summary>
    public static string Time(TimeOnly time) => time.ToString("HH':'mm':'ss", CultureInfo.InvariantCulture);
}
