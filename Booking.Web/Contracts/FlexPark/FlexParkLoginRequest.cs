using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>The body of FlexPark's <c>POST /auth/login</c>.</summary>
public sealed record FlexParkLoginRequest
{
    [JsonPropertyName("email")]
    [Required(ErrorMessage = "email is required.")]
    [StringLength(254, ErrorMessage = "email must be at most 254 characters long.")]
    public string? Email { get; init; }

    [JsonPropertyName("password")]
    [Required(ErrorMessage = "password is required.")]
    [StringLength(128, ErrorMessage = "password must be at most 128 characters long.")]
    public string? Password { get; init; }

    /// <summary>Never in logs: the default record printer would show the password.</summary>
    public override string ToString() => $"FlexParkLoginRequest {{ Email = {Email} }}";
}
