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

        // Orleans: grain types are the [GrainType] names, and reminders are kept by GrainId with the hash Orleans ranges
        // over. Rows of the old reminders table move across when the reminder table starts (the hash is computed in C#).
        new(3, "orleans_grain_types", LegacyGrainTypes.RenameSql("grain_state")),
        new(4, "orleans_reminders", """
            CREATE TABLE orleans_reminders (
                grain_id TEXT NOT NULL,
                reminder_name TEXT NOT NULL,
                start_at TEXT NOT NULL,
                period_ms INTEGER NOT NULL,
                grain_hash INTEGER NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (grain_id, reminder_name)
            );
            CREATE INDEX orleans_reminders_hash ON orleans_reminders (grain_hash)
            """),
    ];
}
