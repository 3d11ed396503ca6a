using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>One weekly availability a mentor sets (EduConnect's <c>MentorAvailability</c> fields).</summary>
public sealed record EduConnectAvailabilityInput
{
    /// <summary>0 = Monday … 6 = Sunday.</summary>
    [JsonPropertyName("day_of_week")]
    [Required(ErrorMessage = "day_of_week is required (0 = Monday … 6 = Sunday).")]
    [Range(0, 6, ErrorMessage = "day_of_week must be 0 (Monday) to 6 (Sunday).")]
    public int? DayOfWeek { get; init; }

    /// <summary>HH:MM.</summary>
    [JsonPropertyName("start_time")]
    [Required(ErrorMessage = "start_time is required (HH:MM).")]
    [RegularExpression(EduConnectFormats.TimePattern, ErrorMessage = "start_time must be HH:MM.")]
    public string? StartTime { get; init; }

    /// <summary>HH:MM.</summary>
    [JsonPropertyName("end_time")]
    [Required(ErrorMessage = "end_time is required (HH:MM).")]
    [RegularExpression(EduConnectFormats.TimePattern, ErrorMessage = "end_time must be HH:MM.")]
    public string? EndTime { get; init; }

    /// <summary>Defaults to true; an inactive availability is not kept.</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }
}
