using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Accounts;
using Booking.Web.Validation;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>The body of FlexPark's <c>POST /auth/register</c>; the seed sends no password, so it is optional.</summary>
public sealed record FlexParkRegisterRequest
{
    [JsonPropertyName("email")]
    [Required(ErrorMessage = "email is required.")]
    [AccountEmailAddress]
    public string? Email { get; init; }

    [JsonPropertyName("firstname")]
    [Required(ErrorMessage = "firstname is required.")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "firstname must be 1 to 100 characters long.")]
    public string? FirstName { get; init; }

    [JsonPropertyName("lastname")]
    [Required(ErrorMessage = "lastname is required.")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "lastname must be 1 to 100 characters long.")]
    public string? LastName { get; init; }

    /// <summary>8 to 128 characters; when absent the employee sets one with the reset code sent to them.</summary>
    [JsonPropertyName("password")]
    [StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "password must be 8 to 128 characters long.")]
    public string? Password { get; init; }

    /// <summary>Never in logs: the default record printer would show the password.</summary>
    public override string ToString() => $"FlexParkRegisterRequest {{ Email = {Email} }}";
}
