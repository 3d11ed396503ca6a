using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Accounts;
using Booking.Web.Validation;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary>The body of the generic backend's <c>POST /api/auth/register</c>, with its validators' rules.</summary>
public sealed record GenericRegisterRequest
{
    [JsonPropertyName("email")]
    [Required(ErrorMessage = "Invalid email")]
    [AccountEmailAddress(ErrorMessage = "Invalid email")]
    public string? Email { get; init; }

    [JsonPropertyName("password")]
    [Required(ErrorMessage = "Password must be at least 8 characters")]
    [StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "Password must be at least 8 characters")]
    public string? Password { get; init; }

    [JsonPropertyName("first_name")]
    [Required(ErrorMessage = "First name is required")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "First name is required")]
    public string? FirstName { get; init; }

    /// <summary>Optional in the seed; an empty last name is stored as "-" (accounts require one).</summary>
    [JsonPropertyName("last_name")]
    [StringLength(100, ErrorMessage = "Last name must be at most 100 characters")]
    public string? LastName { get; init; }

    /// <summary>Accepted and ignored: new accounts are clients; an admin makes a company account a provider.</summary>
    [JsonPropertyName("role")]
    [StringLength(50, ErrorMessage = "Unknown role")]
    public string? Role { get; init; }

    /// <summary>Never in logs: the default record printer would show the password.</summary>
    public override string ToString() => $"GenericRegisterRequest {{ Email = {Email} }}";
}
