using System.Globalization;
using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary>A reservation as the generic backend returns it; the engine's booking underneath.</summary>
public sealed record GenericReservation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("resource_id")] string ResourceId,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("start_time")] string StartTime,
    [property: JsonPropertyName("end_time")] string EndTime,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("cancelled_at")] DateTimeOffset? CancelledAt)
{
    public static GenericReservation From(BookingRecord booking) => new(
        booking.Id,
        booking.ResourceId,
        booking.UserId,
        booking.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        booking.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        booking.End.ToString("HH:mm", CultureInfo.InvariantCulture),
        booking.Status switch
        {
            BookingStatus.Pending => "pending",
            BookingStatus.Cancelled => "cancelled",
            BookingStatus.Completed => "completed",
            BookingStatus.NoShow => "no_show",
            _ => "confirmed",
        },
        booking.CancelledAt);
}
