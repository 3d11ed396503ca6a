using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary><c>{"status": "ok", "message": "API is running"}</c>.</summary>
public sealed record GenericHealth(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message);
