using System.ComponentModel.DataAnnotations;
using Booking.Grains.Interfaces.Accounts;
using Booking.Web.Validation;

namespace Booking.Web.Contracts;

/// <summary>A self-registration.</summary>
public sealed record RegisterRequest
{
    /// <summary>The sign-in address; one account per address (case-insensitive).</summary>
    [Required(ErrorMessage = "An email address is required.")]
    [AccountEmailAddress]
    public string? Email { get; init; }

    /// <summary>8 to 128 characters.</summary>
    [Required(ErrorMessage = "A password is required.")]
    [StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "The password must be 8 to 128 characters long.")]
    public string? Password { get; init; }

    [Required(ErrorMessage = "A first name is required.")]
    [StringLength(100, ErrorMessage = "The first name must be at most 100 characters long.")]
    public string? FirstName { get; init; }

    [Required(ErrorMessage = "A last name is required.")]
    [StringLength(100, ErrorMessage = "The last name must be at most 100 characters long.")]
    public string? LastName { get; init; }

    /// <summary>The language of the account's mails, <c>fr</c> or <c>en</c>; from <c>Accept-Language</c> when absent (French by default).</summary>
    [RegularExpression("^(fr|en)$", ErrorMessage = "The language must be fr or en.")]
    public string? Language { get; init; }

    /// <summary>Never in logs: the default record printer would show the password.</summary>
    public override string ToString() => $"RegisterRequest {{ Email = {Email} }}";
}
