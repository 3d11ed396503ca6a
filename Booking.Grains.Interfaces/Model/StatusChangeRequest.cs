using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A check-in, completion or no-show for a booking.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.StatusChangeRequest")]
public sealed record StatusChangeRequest
{
    [JsonPropertyName("bookingId")]
    public required string BookingId { get; init; }

    [JsonPropertyName("change")]
    public required BookingStatusChange Change { get; init; }

    [JsonPropertyName("byUserId")]
    public required string ByUserId { get; init; }

    /// <summary>The caller owns the resource or is an admin (required for complete and no-show).</summary>
    [JsonPropertyName("byOwnerOrAdmin")]
    public bool ByOwnerOrAdmin { get; init; }
}
