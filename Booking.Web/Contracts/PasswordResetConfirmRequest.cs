using System.ComponentModel.DataAnnotations;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Contracts;

/// <summary>Sets a new password with the code from the reset mail.</summary>
public sealed record PasswordResetConfirmRequest
{
    [Required(ErrorMessage = "The reset token is required.")]
    [StringLength(128, ErrorMessage = "The reset token is at most 128 characters long.")]
    public string? Token { get; init; }

    [Required(ErrorMessage = "A new password is required.")]
    [StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "The new password must be 8 to 128 characters long.")]
    public string? NewPassword { get; init; }

    public override string ToString() => "PasswordResetConfirmRequest";
}
