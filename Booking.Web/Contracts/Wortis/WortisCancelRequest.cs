using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Booking.Web.Validation;

namespace Booking.Web.Contracts.Wortis;

/// <summary>The body of <c>POST /api/bookings/cancel</c>: the booking and the email it was made with.</summary>
public sealed record WortisCancelRequest
{
    [JsonPropertyName("booking_id")]
    [Required(ErrorMessage = "Le champ 'booking_id' est requis.")]
    [StringLength(100, ErrorMessage = "'booking_id' ne doit pas dépasser 100 caractères.")]
    public string? BookingId { get; init; }

    [JsonPropertyName("email")]
    [Required(ErrorMessage = "Le champ 'email' est requis.")]
    [AccountEmailAddress(ErrorMessage = "Format d'email invalide.")]
    public string? Email { get; init; }
}
