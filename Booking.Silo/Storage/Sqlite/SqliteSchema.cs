namespace Booking.Silo.Storage.Sqlite;

/// <summary>The runtime's tables in SQLite (same names and meaning as in PostgreSQL).</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<StorageMigration> CoreMigrations =
    [
        new(1, "grain_state", """
            CREATE TABLE grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                state_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload TEXT NULL,
                write_id TEXT,
                updated_at TEXT,
                PRIMARY KEY (grain_type, grain_key, state_name)
            )
            """),
        new(2, "reminders", """
            CREATE TABLE reminders (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                reminder_name TEXT NOT NULL,
                start_at TEXT NOT NULL,
                period_ms INTEGER NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key, reminder_name)
            )
            """),
    ];
}
