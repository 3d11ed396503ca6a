using Booking.Bench.Scenarios;

namespace Booking.Bench.Targets;

/// <summary>
/// Exclusion constraints: <c>EXCLUDE USING gist</c> over (resource, time range) and over (person, time range) among
/// confirmed bookings, one INSERT per request that does nothing on a conflict. The database does the overlap check.
/// </summary>
internal sealed class SqlExcludeTarget(string adminConnectionString, int poolSize) : SqlBaselineTarget(adminConnectionString, poolSize)
{
    private const string BookSql = """
        INSERT INTO bookings (resource_id, user_id, date, period, start_time, end_time)
        SELECT r.id, $2, $3, $4, $5, $6 FROM resources r WHERE r.id = $1 AND r.is_active
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    public override string Name => "sql-exclude";

    protected override string SchemaSql => """
        CREATE EXTENSION IF NOT EXISTS btree_gist;
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
            during tsrange GENERATED ALWAYS AS (tsrange(date + start_time, date + end_time)) STORED,
            status text NOT NULL DEFAULT 'confirmed',
            created_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT bookings_no_overlap EXCLUDE USING gist (resource_id WITH =, during WITH &&) WHERE (status = 'confirmed'),
            CONSTRAINT bookings_no_personal_overlap EXCLUDE USING gist (user_id WITH =, during WITH &&) WHERE (status = 'confirmed')
        );
        """;

    protected override IReadOnlyList<string> SeedSql => SqlBaselineSeed.PeopleAndResources;

    protected override string ConfirmedBookingsSql =>
        "SELECT id, resource_id, user_id, date, start_time, end_time FROM bookings WHERE status = 'confirmed'";

    public override async Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(BookSql);
        AddAskParameters(command.Parameters, ask);
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return id is long booked ? AskResult.Confirmed(booked.ToString(System.Globalization.CultureInfo.InvariantCulture)) : new AskResult(AskOutcome.Conflict);
    }
}
