using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts.Wortis;

/// <summary>A Wortis reservation as its clients read it (the MongoDB document's fields); the engine's booking underneath.</summary>
public sealed record WortisReservation
{
    /// <summary>The engine's booking id.</summary>
    [JsonPropertyName("_id")]
    public required string Id { get; init; }

    [JsonPropertyName("date")]
    public required string Date { get; init; }

    [JsonPropertyName("timeSlot")]
    public required string TimeSlot { get; init; }

    [JsonPropertyName("prestation")]
    public string? Prestation { get; init; }

    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("service_name")]
    public string? ServiceName { get; init; }

    [JsonPropertyName("service_id")]
    public string? ServiceId { get; init; }

    /// <summary><c>confirmed</c>, <c>pending</c> or <c>cancelled</c> (a completed or no-show booking reads as confirmed or cancelled).</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("created_at")]
    public required string CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public required string UpdatedAt { get; init; }

    [JsonPropertyName("cancelled_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CancelledAt { get; init; }

    public static WortisReservation From(BookingRecord booking) => new()
    {
        Id = booking.Id,
        Date = booking.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimeSlot = WortisFormats.TimeSlot(booking.Start, booking.End),
        Prestation = booking.Details.GetValueOrDefault(WortisDetailKeys.Prestation),
        Variant = booking.Details.GetValueOrDefault(WortisDetailKeys.Variant),
        Email = booking.Details.GetValueOrDefault(WortisDetailKeys.Email),
        Notes = booking.Notes,
        ServiceName = booking.Details.GetValueOrDefault(WortisDetailKeys.ServiceName),
        ServiceId = booking.Details.GetValueOrDefault(WortisDetailKeys.ServiceId),
        Status = booking.Status switch
        {
            BookingStatus.Pending => "pending",
            BookingStatus.Cancelled or BookingStatus.NoShow => "cancelled",
            _ => "confirmed",
        },
        CreatedAt = WortisFormats.Instant(booking.CreatedAt),
        UpdatedAt = WortisFormats.Instant(booking.UpdatedAt),
        CancelledAt = booking.CancelledAt is { } cancelled ? WortisFormats.Instant(cancelled) : null,
    };
}
