using Booking.Bench.Scenarios;
using Npgsql;

namespace Booking.Bench.Targets;

/// <summary>
/// Pessimistic locking: in one transaction, lock the resource row, then the person's row (always in that order, so no
/// deadlock), check for an overlapping confirmed booking of either, and insert. Sent as one batch, so the transaction
/// costs a single round trip (PostgreSQL runs a batch as one implicit transaction); the check is a new statement after
/// the locks are held, so under READ COMMITTED it sees every booking committed by the lock's previous holders.
/// </summary>
internal sealed class SqlLockTarget(string adminConnectionString, int poolSize) : SqlBaselineTarget(adminConnectionString, poolSize)
{
    private const string LockResourceSql = "SELECT is_active FROM resources WHERE id = $1 FOR UPDATE";

    private const string LockPersonSql = "SELECT 1 FROM people WHERE id = $1 FOR UPDATE";

    private const string CheckAndInsertSql = """
        WITH c AS (
            SELECT
                NOT EXISTS (SELECT 1 FROM resources WHERE id = $1 AND is_active) AS inactive,
                EXISTS (SELECT 1 FROM bookings WHERE resource_id = $1 AND date = $3 AND status = 'confirmed'
                        AND start_time < $6 AND $5 < end_time) AS slot_taken,
                EXISTS (SELECT 1 FROM bookings WHERE user_id = $2 AND date = $3 AND status = 'confirmed'
                        AND start_time < $6 AND $5 < end_time) AS user_taken
        ), i AS (
            INSERT INTO bookings (resource_id, user_id, date, period, start_time, end_time)
            SELECT $1, $2, $3, $4, $5, $6 FROM c WHERE NOT c.inactive AND NOT c.slot_taken AND NOT c.user_taken
            RETURNING id
        )
        SELECT (SELECT id FROM i), c.slot_taken, c.user_taken FROM c
        """;

    public override string Name => "sql-lock";

    protected override string SchemaSql => """
        CREATE TABLE people (id int PRIMARY KEY, email text UNIQUE NOT NULL);
        CREATE TABLE resources (id int PRIMARY KEY, name text NOT NULL, is_active boolean NOT NULL DEFAULT true);
        CREATE TABLE bookings (
            id bigserial PRIMARY KEY,
            resource_id int NOT NULL REFERENCES resources(id),
            user_id int NOT NULL REFERENCES people(id),
            date date NOT NULL,
            period text,
            start_time time NOT NULL,
            end_time time NOT NULL,
            status text NOT NULL DEFAULT 'confirmed',
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX bookings_resource_date ON bookings (resource_id, date);
        CREATE INDEX bookings_user_date ON bookings (user_id, date);
        """;

    protected override IReadOnlyList<string> SeedSql => SqlBaselineSeed.PeopleAndResources;

    protected override string ConfirmedBookingsSql =>
        "SELECT id, resource_id, user_id, date, start_time, end_time FROM bookings WHERE status = 'confirmed'";

    public override async Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var lockResource = new NpgsqlBatchCommand(LockResourceSql);
        lockResource.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ask.Resource + 1 });
        var lockPerson = new NpgsqlBatchCommand(LockPersonSql);
        lockPerson.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ask.User + 1 });
        var insert = new NpgsqlBatchCommand(CheckAndInsertSql);
        AddAskParameters(insert.Parameters, ask);
        batch.BatchCommands.Add(lockResource);
        batch.BatchCommands.Add(lockPerson);
        batch.BatchCommands.Add(insert);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return AskResult.Confirmed(reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return reader.GetBoolean(1) ? new AskResult(AskOutcome.Conflict) : reader.GetBoolean(2) ? new AskResult(AskOutcome.UserConflict) : new AskResult(AskOutcome.Refused, Detail: "resource inactive");
    }
}
