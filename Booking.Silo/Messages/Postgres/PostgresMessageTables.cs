using Booking.Silo.Storage.Postgres;

namespace Booking.Silo.Messages.Postgres;

/// <summary>The message outbox in PostgreSQL: events written with the grain state that causes them, and their deliveries.</summary>
internal static class PostgresMessageTables
{
    public static readonly IReadOnlyList<PostgresMigration> Migrations =
    [
        // message_events: one row per event, inserted in the causing state write's transaction (or alone, for account
        // events). dispatched_at is set once its deliveries exist. message_deliveries: one row per mail; due_at is when it
        // may next go out (now, a retry's backoff, a reminder's time); content is the rendered mail, kept so every attempt
        // sends the same bytes and Message-Id. Leases (owner + until) keep two hosts off one row at once.
        new(1100, "message outbox", """
            CREATE TABLE message_events (
                id text COLLATE "C" PRIMARY KEY,
                kind text NOT NULL,
                user_id text NOT NULL,
                booking_id text,
                occurred_at timestamptz NOT NULL,
                payload jsonb NOT NULL,
                dispatched_at timestamptz,
                lease_owner text,
                lease_until timestamptz
            );
            CREATE INDEX message_events_undispatched ON message_events (occurred_at, id) WHERE dispatched_at IS NULL;
            CREATE INDEX message_events_by_user ON message_events (user_id);

            CREATE TABLE message_deliveries (
                id text COLLATE "C" PRIMARY KEY,
                event_id text NOT NULL,
                kind text NOT NULL,
                user_id text NOT NULL,
                booking_id text,
                status text NOT NULL CHECK (status IN ('pending', 'sent', 'dead', 'skipped')),
                attempts integer NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL,
                due_at timestamptz NOT NULL,
                sent_at timestamptz,
                last_error text,
                lease_owner text,
                lease_until timestamptz,
                event jsonb NOT NULL,
                content jsonb
            );
            CREATE INDEX message_deliveries_due ON message_deliveries (due_at, id) WHERE status = 'pending';
            CREATE INDEX message_deliveries_by_user ON message_deliveries (user_id, created_at DESC, id);
            CREATE INDEX message_deliveries_by_status ON message_deliveries (status, created_at DESC, id);
            CREATE INDEX message_deliveries_by_booking ON message_deliveries (booking_id, kind) WHERE booking_id IS NOT NULL;
            """),
    ];
}
