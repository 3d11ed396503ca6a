using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>The body of FlexPark's <c>POST /reservations</c>: <c>{"slot_id": 12, "date": "2025-12-10", "period": "morning"}</c>.</summary>
public sealed record FlexParkReservationRequest
{
    /// <summary>The slot resource's id; a JSON number is read as its decimal text.</summary>
    [JsonPropertyName("slot_id")]
    [JsonConverter(typeof(FlexibleIdJsonConverter))]
    [Required(ErrorMessage = "slot_id is required.")]
    [StringLength(100, ErrorMessage = "slot_id must be at most 100 characters long.")]
    public string? SlotId { get; init; }

    [JsonPropertyName("date")]
    [Required(ErrorMessage = "date is required (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }

    /// <summary><c>morning</c>, <c>afternoon</c> or <c>day</c>.</summary>
    [JsonPropertyName("period")]
    [Required(ErrorMessage = "period is required (morning, afternoon or day).")]
    [StringLength(20, ErrorMessage = "period must be morning, afternoon or day.")]
    public string? Period { get; init; }
}
