using Booking.Grains.Interfaces.Model;

namespace Booking.Silo.Bookings;

/// <summary>How a <see cref="BookingRecord"/> maps onto the columns of the <c>bookings</c> table, the same for every provider.</summary>
internal static class BookingRowValues
{
    /// <summary>SQL that holds for a row that is, or was, a booking: not a hold still pending, nor one released or expired unconfirmed.</summary>
    /// <remarks>A hold keeps its expiry until it is confirmed, which clears it.</remarks>
    public const string IsBookingSql = "(status <> 'pending' AND hold_expires_at IS NULL)";

    /// <summary>The status as stored: its JSON name.</summary>
    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.Pending => "pending",
        BookingStatus.Confirmed => "confirmed",
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.Completed => "completed",
        BookingStatus.NoShow => "no_show",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown booking status."),
    };

    /// <summary>The resource kind as stored: its JSON name.</summary>
    public static string Kind(ResourceKind kind) => kind switch
    {
        ResourceKind.Mentor => "mentor",
        ResourceKind.ParkingSlot => "parking_slot",
        ResourceKind.Service => "service",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown resource kind."),
    };

    /// <summary>The booked length in whole minutes.</summary>
    public static int DurationMinutes(BookingRecord booking) => (int)Math.Round((booking.EndUtc - booking.StartUtc).TotalMinutes);

    /// <summary>
    /// The rows in the order to write them: those that give their time back (cancelled, completed, no-show) before those that
    /// take it (pending, confirmed). PostgreSQL checks exclusion constraints row by row, so a hold that expired in this same
    /// write must leave before the booking that takes its place arrives.
    /// </summary>
    public static IEnumerable<BookingRecord> FreeingFirst(IReadOnlyList<BookingRecord> rows) =>
        rows.OrderBy(r => r.Status is BookingStatus.Pending or BookingStatus.Confirmed ? 1 : 0);
}
