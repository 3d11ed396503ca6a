using Booking.Bench.Scenarios;

namespace Booking.Bench.Targets;

/// <summary>
/// The FlexPark document's design: <c>reservations</c> with <c>UNIQUE (slot_id, date, period)</c>, one INSERT per
/// request, a duplicate key meaning 409. The slot's existence and active flag are checked in the same statement. The
/// constraint only compares period names, so a <c>day</c> and a <c>morning</c> on one slot both go through (and, for
/// time ranges keyed by their start, two overlapping sessions do): the audit counts those double bookings.
/// </summary>
internal sealed class SqlUniqueTarget(string adminConnectionString, int poolSize) : SqlBaselineTarget(adminConnectionString, poolSize)
{
    // The document's tables; start_time and end_time are added so time ranges (mentor sessions) fit, with the
    // period column holding the start time for them.
    private const string Schema = """
        CREATE TABLE employees (
            id SERIAL PRIMARY KEY,
            email VARCHAR(255) UNIQUE NOT NULL,
            is_active BOOLEAN DEFAULT TRUE,
            created_at TIMESTAMP WITH TIME ZONE DEFAULT now()
        );
        CREATE TABLE parkings (
            id SERIAL PRIMARY KEY,
            site_name VARCHAR(255) NOT NULL,
            total_slots INT DEFAULT 0,
            created_at TIMESTAMP WITH TIME ZONE DEFAULT now()
        );
        CREATE TABLE parking_slots (
            id SERIAL PRIMARY KEY,
            parking_id INT REFERENCES parkings(id) ON DELETE CASCADE,
            slot_number VARCHAR(50),
            is_active BOOLEAN DEFAULT TRUE
        );
        CREATE TABLE reservations (
            id SERIAL PRIMARY KEY,
            employee_id INT REFERENCES employees(id) ON DELETE SET NULL,
            slot_id INT REFERENCES parking_slots(id) ON DELETE SET NULL,
            date DATE NOT NULL,
            period VARCHAR(20) NOT NULL,
            start_time TIME NOT NULL,
            end_time TIME NOT NULL,
            status VARCHAR(20) DEFAULT 'confirmed',
            created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
            UNIQUE (slot_id, date, period)
        );
        """;

    private static readonly IReadOnlyList<string> Seed =
    [
        "INSERT INTO employees (id, email) SELECT i, 'employee' || i || '@example.com' FROM generate_series(1, $1) i",
        "INSERT INTO parkings (id, site_name, total_slots) SELECT 1, 'Bench site', $2",
        "INSERT INTO parking_slots (id, parking_id, slot_number) SELECT i, 1, i::text FROM generate_series(1, $2) i",
    ];

    private const string BookSql = """
        INSERT INTO reservations (slot_id, employee_id, date, period, start_time, end_time)
        SELECT s.id, $2, $3, $4, $5, $6 FROM parking_slots s WHERE s.id = $1 AND s.is_active
        ON CONFLICT (slot_id, date, period) DO NOTHING
        RETURNING id
        """;

    public override string Name => "sql-unique";

    protected override string SchemaSql => Schema;

    protected override IReadOnlyList<string> SeedSql => Seed;

    protected override string ConfirmedBookingsSql =>
        "SELECT id, slot_id AS resource_id, employee_id AS user_id, date, start_time, end_time FROM reservations WHERE status = 'confirmed'";

    public override async Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(BookSql);
        AddAskParameters(command.Parameters, ask);
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return id is int booked ? AskResult.Confirmed(booked.ToString(System.Globalization.CultureInfo.InvariantCulture)) : new AskResult(AskOutcome.Conflict);
    }
}
