using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>A mentor's weekly availabilities.</summary>
public sealed record EduConnectAvailabilitiesResponse(
    [property: JsonPropertyName("mentor_id")] string MentorId,
    [property: JsonPropertyName("availabilities")] IReadOnlyList<EduConnectAvailability> Availabilities,
    [property: JsonPropertyName("message")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);
