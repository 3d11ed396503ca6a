using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary><c>{"message": "User created successfully", "user_id": ...}</c>.</summary>
public sealed record GenericRegistered(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("user_id")] string UserId);
