using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Contracts;

/// <summary>The refresh token to exchange for a new pair.</summary>
public sealed record RefreshRequest
{
    [Required(ErrorMessage = "A refresh token is required.")]
    [StringLength(128, ErrorMessage = "The refresh token is at most 128 characters long.")]
    public string? RefreshToken { get; init; }

    public override string ToString() => "RefreshRequest";
}
