using System.Globalization;
using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>A reservation with the columns of FlexPark's <c>reservations</c> table (plus the slot's parking); the engine's booking underneath.</summary>
public sealed record FlexParkReservation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("employee_id")] string EmployeeId,
    [property: JsonPropertyName("slot_id")] string SlotId,
    [property: JsonPropertyName("parking_id")] string? ParkingId,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("period")] string? Period,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    public static FlexParkReservation From(BookingRecord booking, string? parkingId) => new(
        booking.Id,
        booking.UserId,
        booking.ResourceId,
        parkingId,
        booking.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        booking.Period,
        StatusOf(booking.Status),
        booking.CreatedAt);

    /// <summary>FlexPark's statuses: <c>confirmed</c>, <c>cancelled</c>, <c>no-show</c> (a completed reservation stays confirmed).</summary>
    public static string StatusOf(BookingStatus status) => status switch
    {
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.NoShow => "no-show",
        _ => "confirmed",
    };
}
