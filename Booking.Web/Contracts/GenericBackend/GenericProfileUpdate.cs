using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Booking.Web.Validation;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary>The body of <c>PUT /api/client/mon-profil/</c>: names and phone (an absent phone clears it).</summary>
public sealed record GenericProfileUpdate
{
    [JsonPropertyName("first_name")]
    [Required(ErrorMessage = "First name is required")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "First name must be 1 to 100 characters")]
    public string? FirstName { get; init; }

    [JsonPropertyName("last_name")]
    [Required(ErrorMessage = "Last name is required")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "Last name must be 1 to 100 characters")]
    public string? LastName { get; init; }

    [JsonPropertyName("phone")]
    [PhoneNumber]
    public string? Phone { get; init; }
}
