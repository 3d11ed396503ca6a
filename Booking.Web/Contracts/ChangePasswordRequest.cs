using System.ComponentModel.DataAnnotations;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Contracts;

/// <summary>A password change by the signed-in user.</summary>
public sealed record ChangePasswordRequest
{
    [Required(ErrorMessage = "The current password is required.")]
    [StringLength(PasswordPolicy.MaxLength, ErrorMessage = "The current password is at most 128 characters long.")]
    public string? CurrentPassword { get; init; }

    [Required(ErrorMessage = "A new password is required.")]
    [StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "The new password must be 8 to 128 characters long.")]
    public string? NewPassword { get; init; }

    public override string ToString() => "ChangePasswordRequest";
}
