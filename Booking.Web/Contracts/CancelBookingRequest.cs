using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Contracts;

/// <summary>Why a booking is cancelled (optional).</summary>
public sealed record CancelBookingRequest
{
    [StringLength(500, ErrorMessage = "The reason must be at most 500 characters long.")]
    public string? Reason { get; init; }
}
