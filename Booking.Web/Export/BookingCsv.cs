using System.Globalization;
using System.Text;
using System.Text.Json;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Export;

/// <summary>
/// Bookings as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields quoted when they hold a comma, a quote or
/// a line break, quotes doubled), UTF-8 without a byte-order mark. A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, so a spreadsheet shows it as text instead of running it
/// as a formula (bookers choose subjects and notes).
/// </summary>
internal static class BookingCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "resourceId", "resourceKind", "date", "start", "end", "startUtc", "endUtc", "period", "userId", "status",
        "subject", "notes", "details", "createdAt", "updatedAt", "cancelledAt", "cancelledBy", "cancelReason", "checkedInAt",
    ];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header and one row per booking as the rows arrive, so an export of any size streams in constant memory.</summary>
    public static async Task WriteAsync(IAsyncEnumerable<BookingRecord> bookings, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Row(Columns).AsMemory(), cancellationToken);
        await foreach (var booking in bookings.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(Fields(booking)).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One field as it goes in the file: neutralised if a spreadsheet would read it as a formula, then quoted if needed.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Cell));

    private static IEnumerable<string?> Fields(BookingRecord booking) =>
    [
        booking.Id,
        booking.ResourceId,
        Name(booking.ResourceKind),
        booking.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Time(booking.Start),
        Time(booking.End),
        Instant(booking.StartUtc),
        Instant(booking.EndUtc),
        booking.Period,
        booking.UserId,
        Name(booking.Status),
        booking.Subject,
        booking.Notes,
        booking.Details.Count == 0 ? null : JsonSerializer.Serialize(booking.Details),
        Instant(booking.CreatedAt),
        Instant(booking.UpdatedAt),
        Instant(booking.CancelledAt),
        booking.CancelledBy,
        booking.CancelReason,
        Instant(booking.CheckedInAt),
    ];

    // The names the JSON API uses (no_show, parking_slot).
    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? Instant(DateTimeOffset? instant) =>
        instant?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
