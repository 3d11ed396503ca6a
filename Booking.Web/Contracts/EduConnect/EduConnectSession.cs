using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>A mentoring session with EduConnect's <c>MentorSession</c> fields; the engine's booking underneath.</summary>
public sealed record EduConnectSession
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The mentor resource's id.</summary>
    [JsonPropertyName("mentor_id")]
    public required string MentorId { get; init; }

    [JsonPropertyName("student_id")]
    public required string StudentId { get; init; }

    /// <summary>The start, in the mentor's local time.</summary>
    [JsonPropertyName("session_date")]
    public required string SessionDate { get; init; }

    [JsonPropertyName("duration_minutes")]
    public required int DurationMinutes { get; init; }

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>scheduled</c>, <c>completed</c>, <c>cancelled</c> or <c>no_show</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("meeting_link")]
    public string? MeetingLink { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("created_at")]
    public required string CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public required string UpdatedAt { get; init; }

    public static EduConnectSession From(BookingRecord booking) => new()
    {
        Id = booking.Id,
        MentorId = booking.ResourceId,
        StudentId = booking.UserId,
        SessionDate = EduConnectFormats.LocalDateTime(booking.Date, booking.Start),
        DurationMinutes = (int)(booking.EndUtc - booking.StartUtc).TotalMinutes,
        Subject = booking.Subject,
        Description = booking.Notes,
        Status = booking.Status switch
        {
            BookingStatus.Completed => "completed",
            BookingStatus.Cancelled => "cancelled",
            BookingStatus.NoShow => "no_show",
            _ => "scheduled",
        },
        MeetingLink = booking.Details.GetValueOrDefault("meeting_link"),
        Notes = booking.Details.GetValueOrDefault("notes"),
        CreatedAt = EduConnectFormats.Instant(booking.CreatedAt),
        UpdatedAt = EduConnectFormats.Instant(booking.UpdatedAt),
    };
}
