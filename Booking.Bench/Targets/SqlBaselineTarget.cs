using Booking.Bench.Scenarios;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Bench.Targets;

/// <summary>
/// What the plain-SQL baselines share: a database of their own, the people and resources seeded before the run, one
/// <see cref="NpgsqlDataSource"/> with a bounded pool and automatic preparation (what a careful team would configure),
/// and an audit over their bookings table. Each baseline brings its schema and its booking statement.
/// </summary>
internal abstract class SqlBaselineTarget(string adminConnectionString, int poolSize) : IBookingTarget
{
    private BenchDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    public abstract string Name { get; }

    public bool IsBaseline => true;

    public bool CountsStatements => true;

    protected NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("PrepareAsync first.");

    /// <summary>Creates the tables and indexes.</summary>
    protected abstract string SchemaSql { get; }

    /// <summary>Statements that insert people 1..$1 and resources 1..$2.</summary>
    protected abstract IReadOnlyList<string> SeedSql { get; }

    /// <summary>
    /// One row per confirmed booking: <c>id bigint, resource_id int, user_id int, date date, start_time time, end_time time</c>.
    /// The audit looks for overlaps in it.
    /// </summary>
    protected abstract string ConfirmedBookingsSql { get; }

    public async Task PrepareAsync(Workload workload, CancellationToken cancellationToken)
    {
        _database = await BenchDatabase.CreateAsync(adminConnectionString, Name.Replace('-', '_'), poolSize, cancellationToken).ConfigureAwait(false);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var schema = new NpgsqlCommand(SchemaSql, connection))
            {
                await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var sql in SeedSql)
            {
                await using var seed = new NpgsqlCommand(sql, connection);
                seed.Parameters.Add(new NpgsqlParameter<int> { TypedValue = workload.Users, NpgsqlDbType = NpgsqlDbType.Integer });
                seed.Parameters.Add(new NpgsqlParameter<int> { TypedValue = workload.Resources, NpgsqlDbType = NpgsqlDbType.Integer });
                await seed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var builder = new NpgsqlDataSourceBuilder(_database.ConnectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        _dataSource = builder.Build();

        // Open the pool's connections before the clock starts, as a service that has been up for a while would have.
        var warm = new List<NpgsqlConnection>();
        for (var i = 0; i < poolSize; i++)
        {
            warm.Add(await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
        }

        foreach (var connection in warm)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public abstract Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken);

    public async Task<AuditResult> AuditAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(DoubleBookingAudit.Sql(ConfirmedBookingsSql));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new AuditResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), "its bookings table");
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The request's parameters in the order every baseline's statement takes them: resource, person, date, period key, start, end.</summary>
    protected static void AddAskParameters(NpgsqlParameterCollection parameters, BookingAsk ask)
    {
        parameters.Add(new NpgsqlParameter<int> { TypedValue = ask.Resource + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = ask.User + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = ask.Date, NpgsqlDbType = NpgsqlDbType.Date });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = PeriodKey(ask), NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<TimeOnly> { TypedValue = ask.Start, NpgsqlDbType = NpgsqlDbType.Time });
        parameters.Add(new NpgsqlParameter<TimeOnly> { TypedValue = ask.End, NpgsqlDbType = NpgsqlDbType.Time });
    }

    /// <summary>The named period, or for a time range the start as <c>HH:mm</c> (what a slot picker would send).</summary>
    private static string PeriodKey(BookingAsk ask) =>
        ask.Period ?? ask.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
