using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary><c>{"message": "...", "session": {...}}</c>; a plain read has no message.</summary>
public sealed record EduConnectSessionResponse(
    [property: JsonPropertyName("message")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonPropertyName("session")] EduConnectSession Session);
