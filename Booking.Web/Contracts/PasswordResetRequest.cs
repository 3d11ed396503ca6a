using System.ComponentModel.DataAnnotations;
using Booking.Web.Validation;

namespace Booking.Web.Contracts;

/// <summary>Asks for a password-reset code to be mailed to the address.</summary>
public sealed record PasswordResetRequest
{
    [Required(ErrorMessage = "An email address is required.")]
    [AccountEmailAddress]
    public string? Email { get; init; }
}
