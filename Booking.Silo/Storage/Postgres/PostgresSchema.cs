namespace Booking.Silo.Storage.Postgres;

/// <summary>The silo's own tables in PostgreSQL and Orleans' ADO.NET tables (membership, reminders, stock grain storage). Names are constants: no identifier is ever taken from input.</summary>
internal static class PostgresSchema
{
    public const string GrainStateTable = "grain_state";

    public static readonly IReadOnlyList<StorageMigration> CoreMigrations =
    [
        new(1, "grain_state", """
            CREATE TABLE grain_state (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                state_name text NOT NULL,
                version bigint NOT NULL,
                payload jsonb NULL,
                write_id uuid,
                updated_at timestamptz,
                PRIMARY KEY (grain_type, grain_key, state_name)
            ) WITH (fillfactor = 80)
            """),
        new(2, "reminders", """
            CREATE TABLE reminders (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                reminder_name text NOT NULL,
                start_at timestamptz NOT NULL,
                period_ms bigint NOT NULL,
                version bigint NOT NULL,
                PRIMARY KEY (grain_type, grain_key, reminder_name)
            )
            """),

        // Orleans pins grain types with [GrainType]; the stand-in runtime keyed state by interface name.
        new(3, "orleans_grain_types", LegacyGrainTypes.RenameSql(GrainStateTable)),
        .. OrleansAdoNetSchema.Migrations.Select(m => new StorageMigration(m.Id, m.Name, m.Sql)),
    ];
}
