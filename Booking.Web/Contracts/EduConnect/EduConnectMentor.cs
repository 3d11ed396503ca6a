using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>A mentor as EduConnect's mentor page reads it, with its <c>total_sessions</c>.</summary>
public sealed record EduConnectMentor(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("total_sessions")] long TotalSessions);
