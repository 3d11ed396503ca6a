using Npgsql;

namespace Booking.Tests.Reliability;

/// <summary>
/// What SQL finds in the <c>bookings</c> table, checked against what the clients of a load run were told: every 201 is
/// there exactly once and confirmed; every row goes back to a request that got its 201 or got no answer (never to a 4xx:
/// nothing refused is half-written); and no two confirmed bookings overlap, per resource or per person.
/// </summary>
internal sealed record BookingsAudit(IReadOnlyList<BookingsAudit.Row> Rows, long ResourceOverlaps, long PersonalOverlaps)
{
    public static async Task<BookingsAudit> ReadAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var rows = new List<Row>();
        await using (var select = dataSource.CreateCommand("SELECT id, user_id, resource_id, local_date, local_start, status FROM bookings"))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<TimeOnly>(4), reader.GetString(5)));
            }
        }

        await using var overlaps = dataSource.CreateCommand("""
            SELECT
                (SELECT count(*) FROM bookings a JOIN bookings b ON a.resource_id = b.resource_id AND a.id < b.id
                  AND a.start_utc < b.end_utc AND b.start_utc < a.end_utc
                  WHERE a.status = 'confirmed' AND b.status = 'confirmed'),
                (SELECT count(*) FROM bookings a JOIN bookings b ON a.user_id = b.user_id AND a.resource_group = b.resource_group
                  AND a.id < b.id AND a.start_utc < b.end_utc AND b.start_utc < a.end_utc
                  WHERE a.status = 'confirmed' AND b.status = 'confirmed')
            """);
        await using var counts = await overlaps.ExecuteReaderAsync();
        await counts.ReadAsync();
        return new BookingsAudit(rows, counts.GetInt64(0), counts.GetInt64(1));
    }

    public IEnumerable<Row> Confirmed => Rows.Where(r => r.Status == "confirmed");

    /// <summary>The rows of <paramref name="dates"/> only (the overlap counts stay the whole table's).</summary>
    public BookingsAudit For(IReadOnlyCollection<DateOnly> dates) => this with { Rows = [.. Rows.Where(r => dates.Contains(r.Date))] };

    /// <summary>Every discrepancy between the table and the clients' answers (empty when there is none).</summary>
    public IReadOnlyList<string> Problems(IEnumerable<BookingAttempt> attempts)
    {
        var problems = new List<string>();
        var byKey = attempts.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.ToList());
        var rowsById = Rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var attempt in byKey.Values.SelectMany(a => a).Where(a => a.Confirmed))
        {
            if (attempt.BookingId is null || !rowsById.TryGetValue(attempt.BookingId, out var rows))
            {
                problems.Add($"A 201 without its row: {attempt}");
            }
            else if (rows.Count != 1 || rows[0].Status != "confirmed" || rows[0].Key != attempt.Key)
            {
                problems.Add($"A 201 whose row is not one confirmed booking of that user, resource and time: {attempt} / {string.Join("; ", rows)}");
            }
        }

        foreach (var row in Rows)
        {
            if (!byKey.TryGetValue(row.Key, out var asked))
            {
                problems.Add($"A row no request asked for: {row}");
            }
            else if (!asked.Any(a => (a.Confirmed && a.BookingId == row.Id) || a.OutcomeUnknown))
            {
                problems.Add($"A row for a request that was refused (half-written): {row} / {string.Join("; ", asked)}");
            }
        }

        if (ResourceOverlaps > 0)
        {
            problems.Add($"{ResourceOverlaps} pairs of confirmed bookings overlap on one resource");
        }

        if (PersonalOverlaps > 0)
        {
            problems.Add($"{PersonalOverlaps} pairs of confirmed bookings of one person overlap");
        }

        return problems;
    }

    internal sealed record Row(string Id, string UserId, string ResourceId, DateOnly Date, TimeOnly Start, string Status)
    {
        public (string, string, DateOnly, TimeOnly) Key => (UserId, ResourceId, Date, Start);
    }
}
