using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>An employee as FlexPark's <c>employees</c> table has it; <c>role</c> is <c>employee</c> or <c>admin</c>.</summary>
public sealed record FlexParkEmployee(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("firstname")] string FirstName,
    [property: JsonPropertyName("lastname")] string LastName,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("is_active")] bool IsActive,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
