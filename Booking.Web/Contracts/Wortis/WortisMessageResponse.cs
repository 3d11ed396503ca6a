using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.Wortis;

/// <summary><c>{"success": true, "message": "..."}</c>.</summary>
public sealed record WortisMessageResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string Message);
