using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>What a user may do; serialized as <c>member</c>, <c>provider</c> or <c>admin</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UserRole>))]
[GenerateSerializer]
[Alias("booking.UserRole")]
public enum UserRole
{
    /// <summary>Books resources.</summary>
    [JsonStringEnumMemberName("member")]
    Member,

    /// <summary>Owns resources (a mentor, a business, a parking manager) and sees their bookings.</summary>
    [JsonStringEnumMemberName("provider")]
    Provider,

    /// <summary>May do everything.</summary>
    [JsonStringEnumMemberName("admin")]
    Admin,
}
