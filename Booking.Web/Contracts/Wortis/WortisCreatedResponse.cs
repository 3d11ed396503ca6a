using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.Wortis;

/// <summary>201 of <c>create-reservation</c>.</summary>
public sealed record WortisCreatedResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("booking_id")] string BookingId,
    [property: JsonPropertyName("reservation")] WortisReservation Reservation);
