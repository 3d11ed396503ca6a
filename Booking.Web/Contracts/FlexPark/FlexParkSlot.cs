using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>A slot with the columns of FlexPark's <c>parking_slots</c> table and its <c>status</c> (<c>free</c> or <c>taken</c>) for a date and period.</summary>
public sealed record FlexParkSlot(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("parking_id")] string ParkingId,
    [property: JsonPropertyName("slot_number")] string SlotNumber,
    [property: JsonPropertyName("is_active")] bool IsActive,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("period")] string Period);
