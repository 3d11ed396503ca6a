using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary><c>{"reservation_id": ..., "status": "confirmed"}</c> (and <c>cancelled</c> after a DELETE).</summary>
public sealed record FlexParkReservationCreated(
    [property: JsonPropertyName("reservation_id")] string ReservationId,
    [property: JsonPropertyName("status")] string Status);
