using Booking.Silo.Storage.Sqlite;

namespace Booking.Silo.Messages.Sqlite;

/// <summary>The message outbox in SQLite, with the PostgreSQL tables' columns (instants as fixed-width UTC text).</summary>
internal static class SqliteMessageTables
{
    public static readonly IReadOnlyList<SqliteMigration> Migrations =
    [
        new(1100, "message outbox", """
            CREATE TABLE message_events (
                id TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                user_id TEXT NOT NULL,
                booking_id TEXT,
                occurred_at TEXT NOT NULL,
                payload TEXT NOT NULL,
                dispatched_at TEXT,
                lease_owner TEXT,
                lease_until TEXT
            );
            CREATE INDEX message_events_undispatched ON message_events (occurred_at, id) WHERE dispatched_at IS NULL;
            CREATE INDEX message_events_by_user ON message_events (user_id);

            CREATE TABLE message_deliveries (
                id TEXT NOT NULL PRIMARY KEY,
                event_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                user_id TEXT NOT NULL,
                booking_id TEXT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'dead', 'skipped')),
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                due_at TEXT NOT NULL,
                sent_at TEXT,
                last_error TEXT,
                lease_owner TEXT,
                lease_until TEXT,
                event TEXT NOT NULL,
                content TEXT
            );
            CREATE INDEX message_deliveries_due ON message_deliveries (due_at, id) WHERE status = 'pending';
            CREATE INDEX message_deliveries_by_user ON message_deliveries (user_id, created_at, id);
            CREATE INDEX message_deliveries_by_status ON message_deliveries (status, created_at, id);
            CREATE INDEX message_deliveries_by_booking ON message_deliveries (booking_id, kind) WHERE booking_id IS NOT NULL;
            """),
    ];
}
