using Booking.Silo.Storage.Postgres;

namespace Booking.Silo.Bookings.Postgres;

/// <summary>The <c>bookings</c> query table in PostgreSQL, written with each resource-day state by <see cref="PostgresBookingRowsWriter"/>.</summary>
internal static class PostgresBookingTables
{
    /// <summary>The exclusion constraint that keeps one person's confirmed bookings of one quota from overlapping.</summary>
    public const string UserFence = "bookings_user_no_overlap";

    /// <summary>The exclusion constraint that keeps the active rows of a capacity-1 resource from overlapping.</summary>
    public const string ExclusiveResourceFence = "bookings_exclusive_resource_no_overlap";

    public static readonly IReadOnlyList<PostgresMigration> Migrations =
    [
        // One row per booking or hold, upserted by id. The record column is the full BookingRecord (what queries return);
        // the other columns are what queries filter, order and count on. The local end is 00:00 for a booking that ends at
        // midnight. resource_group separates the user's quotas: parking places and appointments do not clash with each other.
        // id is in the C collation so that (start_utc, id) orders exactly as the code's ordinal comparison does.
        new(1000, "bookings table", """
            CREATE TABLE bookings (
                id text COLLATE "C" PRIMARY KEY,
                resource_id text NOT NULL,
                resource_kind text NOT NULL CHECK (resource_kind IN ('mentor', 'parking_slot', 'service')),
                resource_group text NOT NULL GENERATED ALWAYS AS (CASE WHEN resource_kind = 'parking_slot' THEN 'parking' ELSE 'appointment' END) STORED,
                capacity integer CHECK (capacity >= 1),
                user_id text NOT NULL,
                local_date date NOT NULL,
                local_start time NOT NULL,
                local_end time NOT NULL,
                start_utc timestamptz NOT NULL,
                end_utc timestamptz NOT NULL,
                duration_minutes integer NOT NULL,
                period text,
                status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
                subject text,
                notes text,
                details jsonb NOT NULL DEFAULT '{}'::jsonb,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                cancelled_at timestamptz,
                cancelled_by text,
                cancel_reason text,
                checked_in_at timestamptz,
                idempotency_key text,
                hold_id text,
                hold_expires_at timestamptz,
                record jsonb NOT NULL,
                CONSTRAINT bookings_start_before_end CHECK (start_utc < end_utc)
            );
            CREATE INDEX bookings_by_user_date ON bookings (user_id, local_date, start_utc, id);
            CREATE INDEX bookings_by_resource_date ON bookings (resource_id, local_date, start_utc, id);
            CREATE INDEX bookings_by_status ON bookings (status, start_utc, id);
            CREATE INDEX bookings_by_start ON bookings (start_utc, id);
            """),

        // The last fences behind the grains. The user fence covers confirmed bookings only: an expired hold stays 'pending'
        // in its row until its own resource-day grain next writes (its reminder, up to a minute later, or never if the
        // reminder could not be registered), and the user may rightly book that time elsewhere meanwhile; a fence over
        // holds would refuse that booking. Holds are never more than tentative, and a hold becomes subject to the fence
        // the moment it is confirmed. The resource fence may include holds, because only the hold's own resource-day
        // grain can put another booking in its place, and it cancels every expired hold in that same write, before the
        // new row (see BookingRowValues.FreeingFirst). It covers only rows written while the resource had capacity 1.
        new(1001, "bookings overlap fences", $"""
            CREATE EXTENSION IF NOT EXISTS btree_gist;
            ALTER TABLE bookings ADD CONSTRAINT {UserFence}
                EXCLUDE USING gist (user_id WITH =, resource_group WITH =, tstzrange(start_utc, end_utc, '[)') WITH &&)
                WHERE (status = 'confirmed');
            ALTER TABLE bookings ADD CONSTRAINT {ExclusiveResourceFence}
                EXCLUDE USING gist (resource_id WITH =, tstzrange(start_utc, end_utc, '[)') WITH &&)
                WHERE (capacity = 1 AND status IN ('pending', 'confirmed'));
            """),
    ];
}
