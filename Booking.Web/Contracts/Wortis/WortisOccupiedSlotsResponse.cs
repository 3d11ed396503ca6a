using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.Wortis;

/// <summary>200 of <c>occupied-slots</c>: the <c>HH:MM-HH:MM</c> slots that can no longer be booked.</summary>
public sealed record WortisOccupiedSlotsResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("occupied_slots")] IReadOnlyList<string> OccupiedSlots,
    [property: JsonPropertyName("total_occupied")] int TotalOccupied);
