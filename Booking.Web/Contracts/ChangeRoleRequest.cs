using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Contracts;

/// <summary>The role to give a user.</summary>
public sealed record ChangeRoleRequest
{
    /// <summary><c>member</c>, <c>provider</c> or <c>admin</c>.</summary>
    [Required(ErrorMessage = "A role is required.")]
    [AllowedValues("member", "provider", "admin", ErrorMessage = "The role must be one of member, provider, admin.")]
    public string? Role { get; init; }
}
