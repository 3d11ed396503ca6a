using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Booking.Web.Validation;

namespace Booking.Web.Contracts.Wortis;

/// <summary>The body of Wortis' <c>POST /api/bookings/create-reservation</c>, with its field names.</summary>
public sealed record WortisReservationRequest
{
    /// <summary>YYYY-MM-DD.</summary>
    [JsonPropertyName("date")]
    [Required(ErrorMessage = "Le champ 'date' est requis (YYYY-MM-DD).")]
    [RegularExpression(WortisFormats.DatePattern, ErrorMessage = "Format de date invalide : attendu YYYY-MM-DD.")]
    public string? Date { get; init; }

    /// <summary>HH:MM-HH:MM.</summary>
    [JsonPropertyName("timeSlot")]
    [Required(ErrorMessage = "Le champ 'timeSlot' est requis (HH:MM-HH:MM).")]
    [RegularExpression(WortisFormats.TimeSlotPattern, ErrorMessage = "Format de créneau invalide : attendu HH:MM-HH:MM.")]
    public string? TimeSlot { get; init; }

    /// <summary>The service variant booked (e.g. <c>coupe_homme</c>).</summary>
    [JsonPropertyName("prestation")]
    [Required(ErrorMessage = "Le champ 'prestation' est requis.")]
    [StringLength(100, ErrorMessage = "'prestation' ne doit pas dépasser 100 caractères.")]
    public string? Prestation { get; init; }

    [JsonPropertyName("variant")]
    [StringLength(100, ErrorMessage = "'variant' ne doit pas dépasser 100 caractères.")]
    public string? Variant { get; init; }

    [JsonPropertyName("email")]
    [Required(ErrorMessage = "Le champ 'email' est requis.")]
    [AccountEmailAddress(ErrorMessage = "Format d'email invalide.")]
    public string? Email { get; init; }

    [JsonPropertyName("notes")]
    [StringLength(1000, ErrorMessage = "'notes' ne doit pas dépasser 1000 caractères.")]
    public string? Notes { get; init; }

    /// <summary>The name of the engine's <c>service</c> resource.</summary>
    [JsonPropertyName("service_name")]
    [Required(ErrorMessage = "Le champ 'service_name' est requis.")]
    [StringLength(200, ErrorMessage = "'service_name' ne doit pas dépasser 200 caractères.")]
    public string? ServiceName { get; init; }

    /// <summary>The client's own catalogue id of the service; kept with the booking, not used to find the resource.</summary>
    [JsonPropertyName("service_id")]
    [StringLength(100, ErrorMessage = "'service_id' ne doit pas dépasser 100 caractères.")]
    public string? ServiceId { get; init; }
}
