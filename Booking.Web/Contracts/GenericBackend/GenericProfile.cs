using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary>The client's profile (<c>mon-profil</c>).</summary>
public sealed record GenericProfile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("first_name")] string FirstName,
    [property: JsonPropertyName("last_name")] string LastName,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("role")] string Role)
{
    public static GenericProfile From(AccountProfile profile) =>
        new(profile.Id, profile.Email, profile.FirstName, profile.LastName, profile.Phone, GenericUser.RoleName(profile.Role));
}
