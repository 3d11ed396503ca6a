using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.Wortis;

/// <summary>200 of <c>GET /api/bookings/user/{email}</c>.</summary>
public sealed record WortisBookingsResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("bookings")] IReadOnlyList<WortisReservation> Bookings,
    [property: JsonPropertyName("total")] int Total);
