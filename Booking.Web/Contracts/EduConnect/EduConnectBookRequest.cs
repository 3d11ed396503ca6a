using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>The body of <c>POST /api/mentors/{id}/book</c>.</summary>
public sealed record EduConnectBookRequest
{
    /// <summary>The start, as a slot's <c>datetime</c> (the mentor's local time), or an ISO instant with an offset.</summary>
    [JsonPropertyName("session_date")]
    [Required(ErrorMessage = "session_date is required (e.g. 2024-01-15T09:00:00).")]
    [StringLength(40, ErrorMessage = "session_date is not a date-time.")]
    public string? SessionDate { get; init; }

    /// <summary>30, 60, 90 or 120; 60 when absent.</summary>
    [JsonPropertyName("duration_minutes")]
    [AllowedValues(null, 30, 60, 90, 120, ErrorMessage = "duration_minutes must be 30, 60, 90 or 120.")]
    public int? DurationMinutes { get; init; }

    [JsonPropertyName("subject")]
    [Required(ErrorMessage = "subject is required.")]
    [StringLength(200, MinimumLength = 1, ErrorMessage = "subject must be 1 to 200 characters long.")]
    public string? Subject { get; init; }

    [JsonPropertyName("description")]
    [StringLength(2000, ErrorMessage = "description must be at most 2000 characters long.")]
    public string? Description { get; init; }
}
