using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary>A user as the generic backend's login returns it; <c>role</c> is <c>client</c>, <c>entreprise</c> or <c>admin</c>.</summary>
public sealed record GenericUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("role")] string Role)
{
    /// <summary>The seed's name of an engine role: members book (clients), providers own resources (companies).</summary>
    public static string RoleName(UserRole role) => role switch
    {
        UserRole.Provider => "entreprise",
        UserRole.Admin => "admin",
        _ => "client",
    };
}
