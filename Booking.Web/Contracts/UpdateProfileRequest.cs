using System.ComponentModel.DataAnnotations;
using Booking.Web.Validation;

namespace Booking.Web.Contracts;

/// <summary>The signed-in user's editable profile; replaces all three fields (an absent phone clears it).</summary>
public sealed record UpdateProfileRequest
{
    [Required(ErrorMessage = "A first name is required.")]
    [StringLength(100, ErrorMessage = "The first name must be at most 100 characters long.")]
    public string? FirstName { get; init; }

    [Required(ErrorMessage = "A last name is required.")]
    [StringLength(100, ErrorMessage = "The last name must be at most 100 characters long.")]
    public string? LastName { get; init; }

    [PhoneNumber]
    public string? Phone { get; init; }

    /// <summary>The language of mails, <c>fr</c> or <c>en</c>; absent keeps the current one.</summary>
    [RegularExpression("^(fr|en)$", ErrorMessage = "The language must be fr or en.")]
    public string? Language { get; init; }
}
