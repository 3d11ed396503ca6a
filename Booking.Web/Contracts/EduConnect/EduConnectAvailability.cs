using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>One weekly availability of a mentor as EduConnect reads it; <c>id</c> is its position in the weekly set.</summary>
public sealed record EduConnectAvailability(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("mentor_id")] string MentorId,
    [property: JsonPropertyName("day_of_week")] int DayOfWeek,
    [property: JsonPropertyName("start_time")] string StartTime,
    [property: JsonPropertyName("end_time")] string EndTime,
    [property: JsonPropertyName("is_active")] bool IsActive,
    [property: JsonPropertyName("created_at")] string CreatedAt);
