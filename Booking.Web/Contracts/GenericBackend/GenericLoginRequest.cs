using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary>The body of the generic backend's <c>POST /api/auth/login</c>.</summary>
public sealed record GenericLoginRequest
{
    [JsonPropertyName("email")]
    [Required(ErrorMessage = "email is required")]
    [StringLength(254, ErrorMessage = "email must be at most 254 characters")]
    public string? Email { get; init; }

    [JsonPropertyName("password")]
    [Required(ErrorMessage = "password is required")]
    [StringLength(128, ErrorMessage = "password must be at most 128 characters")]
    public string? Password { get; init; }

    /// <summary>Never in logs: the default record printer would show the password.</summary>
    public override string ToString() => $"GenericLoginRequest {{ Email = {Email} }}";
}
