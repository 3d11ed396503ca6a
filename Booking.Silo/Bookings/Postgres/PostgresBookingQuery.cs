using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Silo.Bookings.Postgres;

/// <summary>
/// <see cref="IBookingQuery"/> over the PostgreSQL <c>bookings</c> table, on a data source of its own. Every value travels as a
/// typed parameter; the SQL text is assembled only from constant fragments, chosen by which filters are set.
/// </summary>
internal sealed class PostgresBookingQuery : IBookingQuery, IAsyncDisposable
{
    private const string ActiveForUserOnDateSql =
        "SELECT record FROM bookings WHERE user_id = $1 AND local_date = $2 AND status IN ('pending', 'confirmed') ORDER BY start_utc, id";

    private const string ByIdSql = "SELECT record FROM bookings WHERE id = $1";

    private const string StatsSql = $"""
        SELECT resource_id,
            count(*) FILTER (WHERE {BookingRowValues.IsBookingSql}),
            count(*) FILTER (WHERE {BookingRowValues.IsBookingSql} AND status = 'confirmed'),
            count(*) FILTER (WHERE {BookingRowValues.IsBookingSql} AND status = 'completed'),
            count(*) FILTER (WHERE {BookingRowValues.IsBookingSql} AND status = 'cancelled'),
            count(*) FILTER (WHERE {BookingRowValues.IsBookingSql} AND status = 'no_show'),
            count(*) FILTER (WHERE status = 'pending'),
            coalesce(sum(duration_minutes) FILTER (WHERE {BookingRowValues.IsBookingSql} AND status IN ('confirmed', 'completed')), 0)
        FROM bookings
        WHERE resource_id = ANY($1) AND local_date BETWEEN $2 AND $3
        GROUP BY resource_id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly JsonGrainStateSerializer _serializer;

    public PostgresBookingQuery(string connectionString, JsonGrainStateSerializer serializer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serializer = serializer;
    }

    public async Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ActiveForUserOnDateSql);
        command.Parameters.Add(Text(userId));
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = date, NpgsqlDbType = NpgsqlDbType.Date });
        return await ReadRecordsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ByIdSql);
        command.Parameters.Add(Text(bookingId));
        return (await ReadRecordsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<BookingPage> SearchBookingsAsync(BookingFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        BookingPage.Validate(page, pageSize);

        // One round trip for the count and the page.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var count = new NpgsqlBatchCommand();
        count.CommandText = "SELECT count(*) FROM bookings" + Where(filter, count.Parameters);
        var rows = new NpgsqlBatchCommand();
        var sql = new StringBuilder("SELECT record FROM bookings").Append(Where(filter, rows.Parameters));
        rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize, NpgsqlDbType = NpgsqlDbType.Integer });
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = BookingPage.Offset(page, pageSize), NpgsqlDbType = NpgsqlDbType.Bigint });
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY start_utc, id LIMIT ${rows.Parameters.Count - 1} OFFSET ${rows.Parameters.Count}");
        rows.CommandText = sql.ToString();
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<BookingRecord>(pageSize);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(_serializer.Deserialize<BookingRecord>(reader.GetString(0)));
        }

        return new BookingPage { Items = items, Page = page, PageSize = pageSize, Total = total };
    }

    public async IAsyncEnumerable<BookingRecord> StreamBookingsAsync(BookingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = _dataSource.CreateCommand();
        command.CommandText = "SELECT record FROM bookings" + Where(filter, command.Parameters) + " ORDER BY start_utc, id";
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return _serializer.Deserialize<BookingRecord>(reader.GetString(0));
        }
    }

    public async Task<IReadOnlyList<BookingStats>> GetResourceStatsAsync(
        IReadOnlyList<string> resourceIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var ids = resourceIds.Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, BookingStats>(StringComparer.Ordinal);
        await using (var command = _dataSource.CreateCommand(StatsSql))
        {
            command.Parameters.Add(TextArray(ids));
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = to, NpgsqlDbType = NpgsqlDbType.Date });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                found[id] = new BookingStats
                {
                    ResourceId = id,
                    From = from,
                    To = to,
                    Bookings = reader.GetInt64(1),
                    Confirmed = reader.GetInt64(2),
                    Completed = reader.GetInt64(3),
                    Cancellations = reader.GetInt64(4),
                    NoShows = reader.GetInt64(5),
                    PendingHolds = reader.GetInt64(6),
                    OccupiedMinutes = reader.GetInt64(7),
                };
            }
        }

        return [.. ids.Select(id => found.GetValueOrDefault(id) ?? new BookingStats { ResourceId = id, From = from, To = to })];
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>The WHERE clause of <paramref name="filter"/>, its values appended to <paramref name="parameters"/>.</summary>
    private static string Where(BookingFilter filter, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder(" WHERE true");
        if (filter.UserId is not null)
        {
            parameters.Add(Text(filter.UserId));
            sql.Append(CultureInfo.InvariantCulture, $" AND user_id = ${parameters.Count}");
        }

        if (filter.ResourceIds is not null)
        {
            parameters.Add(TextArray([.. filter.ResourceIds]));
            sql.Append(CultureInfo.InvariantCulture, $" AND resource_id = ANY(${parameters.Count})");
        }

        if (filter.Statuses is not null)
        {
            parameters.Add(TextArray([.. filter.Statuses.Select(BookingRowValues.Status)]));
            sql.Append(CultureInfo.InvariantCulture, $" AND status = ANY(${parameters.Count})");
        }

        if (filter.From is { } from)
        {
            parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from, NpgsqlDbType = NpgsqlDbType.Date });
            sql.Append(CultureInfo.InvariantCulture, $" AND local_date >= ${parameters.Count}");
        }

        if (filter.To is { } to)
        {
            parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = to, NpgsqlDbType = NpgsqlDbType.Date });
            sql.Append(CultureInfo.InvariantCulture, $" AND local_date <= ${parameters.Count}");
        }

        return sql.ToString();
    }

    private async Task<IReadOnlyList<BookingRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<BookingRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(_serializer.Deserialize<BookingRecord>(reader.GetString(0)));
        }

        return records;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter<string[]> TextArray(string[] values) =>
        new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
