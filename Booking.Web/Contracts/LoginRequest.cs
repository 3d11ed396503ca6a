using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Contracts;

/// <summary>Credentials to sign in with.</summary>
public sealed record LoginRequest
{
    [Required(ErrorMessage = "An email address is required.")]
    [StringLength(254, ErrorMessage = "The email address must be at most 254 characters long.")]
    public string? Email { get; init; }

    [Required(ErrorMessage = "A password is required.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters long.")]
    public string? Password { get; init; }

    /// <summary>Never in logs: the default record printer would show the password.</summary>
    public override string ToString() => $"LoginRequest {{ Email = {Email} }}";
}
