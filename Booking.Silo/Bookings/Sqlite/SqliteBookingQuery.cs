using System.Runtime.CompilerServices;
using System.Text;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Bookings.Sqlite;

/// <summary>
/// <see cref="IBookingQuery"/> over the SQLite <c>bookings</c> table, on pooled connections of its own (with WAL, readers never
/// wait for the storage's writer). Lists of values travel as one JSON array parameter read through <c>json_each</c>; the SQL
/// text is assembled only from constant fragments, chosen by which filters are set.
/// </summary>
internal sealed class SqliteBookingQuery(string connectionString, JsonGrainStateSerializer serializer) : IBookingQuery
{
    private const string ActiveForUserOnDateSql =
        "SELECT record FROM bookings WHERE user_id = $userId AND local_date = $date AND status IN ('pending', 'confirmed') ORDER BY start_utc, id";

    private const string ByIdSql = "SELECT record FROM bookings WHERE id = $id";

    private const string StatsSql = $"""
        SELECT resource_id,
            sum(CASE WHEN {BookingRowValues.IsBookingSql} THEN 1 ELSE 0 END),
            sum(CASE WHEN {BookingRowValues.IsBookingSql} AND status = 'confirmed' THEN 1 ELSE 0 END),
            sum(CASE WHEN {BookingRowValues.IsBookingSql} AND status = 'completed' THEN 1 ELSE 0 END),
            sum(CASE WHEN {BookingRowValues.IsBookingSql} AND status = 'cancelled' THEN 1 ELSE 0 END),
            sum(CASE WHEN {BookingRowValues.IsBookingSql} AND status = 'no_show' THEN 1 ELSE 0 END),
            sum(CASE WHEN status = 'pending' THEN 1 ELSE 0 END),
            sum(CASE WHEN {BookingRowValues.IsBookingSql} AND status IN ('confirmed', 'completed') THEN duration_minutes ELSE 0 END)
        FROM bookings
        WHERE resource_id IN (SELECT value FROM json_each($resourceIds)) AND local_date BETWEEN $from AND $to
        GROUP BY resource_id
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString).ToString();

    public async Task<IReadOnlyList<BookingRecord>> GetActiveBookingsForUserOnDateAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ActiveForUserOnDateSql;
        command.Parameters.Add("$userId", SqliteType.Text).Value = userId;
        command.Parameters.Add("$date", SqliteType.Text).Value = SqliteBookingTables.Date(date);
        return await ReadRecordsAsync(command, int.MaxValue, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BookingRecord?> GetBookingAsync(string bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ByIdSql;
        command.Parameters.Add("$id", SqliteType.Text).Value = bookingId;
        return (await ReadRecordsAsync(command, 1, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<BookingPage> SearchBookingsAsync(BookingFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        BookingPage.Validate(page, pageSize);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One read transaction, so that the count and the page see the same rows; deferred, so it takes no write lock.
        using var transaction = connection.BeginTransaction(deferred: true);
        long total;
        await using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT count(*) FROM bookings" + Where(filter, count.Parameters);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using var rows = connection.CreateCommand();
        rows.Transaction = transaction;
        rows.CommandText = "SELECT record FROM bookings" + Where(filter, rows.Parameters) + " ORDER BY start_utc, id LIMIT $limit OFFSET $offset";
        rows.Parameters.Add("$limit", SqliteType.Integer).Value = pageSize;
        rows.Parameters.Add("$offset", SqliteType.Integer).Value = BookingPage.Offset(page, pageSize);
        var items = await ReadRecordsAsync(rows, pageSize, cancellationToken).ConfigureAwait(false);
        return new BookingPage { Items = items, Page = page, PageSize = pageSize, Total = total };
    }

    public async IAsyncEnumerable<BookingRecord> StreamBookingsAsync(BookingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM bookings" + Where(filter, command.Parameters) + " ORDER BY start_utc, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return serializer.Deserialize<BookingRecord>(reader.GetString(0));
        }
    }

    public async Task<IReadOnlyList<BookingStats>> GetResourceStatsAsync(
        IReadOnlyList<string> resourceIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var ids = resourceIds.Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, BookingStats>(StringComparer.Ordinal);
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = StatsSql;
            command.Parameters.Add("$resourceIds", SqliteType.Text).Value = serializer.Serialize(ids);
            command.Parameters.Add("$from", SqliteType.Text).Value = SqliteBookingTables.Date(from);
            command.Parameters.Add("$to", SqliteType.Text).Value = SqliteBookingTables.Date(to);
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

    /// <summary>The WHERE clause of <paramref name="filter"/>, its values added to <paramref name="parameters"/>.</summary>
    private string Where(BookingFilter filter, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder(" WHERE 1");
        if (filter.UserId is not null)
        {
            parameters.Add("$userId", SqliteType.Text).Value = filter.UserId;
            sql.Append(" AND user_id = $userId");
        }

        if (filter.ResourceIds is not null)
        {
            parameters.Add("$resourceIds", SqliteType.Text).Value = serializer.Serialize(filter.ResourceIds);
            sql.Append(" AND resource_id IN (SELECT value FROM json_each($resourceIds))");
        }

        if (filter.Statuses is not null)
        {
            parameters.Add("$statuses", SqliteType.Text).Value = serializer.Serialize(filter.Statuses.Select(BookingRowValues.Status).ToArray());
            sql.Append(" AND status IN (SELECT value FROM json_each($statuses))");
        }

        if (filter.From is { } from)
        {
            parameters.Add("$from", SqliteType.Text).Value = SqliteBookingTables.Date(from);
            sql.Append(" AND local_date >= $from");
        }

        if (filter.To is { } to)
        {
            parameters.Add("$to", SqliteType.Text).Value = SqliteBookingTables.Date(to);
            sql.Append(" AND local_date <= $to");
        }

        return sql.ToString();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<List<BookingRecord>> ReadRecordsAsync(SqliteCommand command, int expected, CancellationToken cancellationToken)
    {
        var records = new List<BookingRecord>(Math.Min(expected, 64));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(serializer.Deserialize<BookingRecord>(reader.GetString(0)));
        }

        return records;
    }
}
