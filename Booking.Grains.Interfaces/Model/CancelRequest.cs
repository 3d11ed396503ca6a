using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A request to cancel a booking (or release a hold).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.CancelRequest")]
public sealed record CancelRequest
{
    [JsonPropertyName("bookingId")]
    public required string BookingId { get; init; }

    /// <summary>Who asks; must be the booker unless <see cref="ByOwnerOrAdmin"/>.</summary>
    [JsonPropertyName("byUserId")]
    public required string ByUserId { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The caller owns the resource or is an admin: may cancel anyone's booking, after the cut-off too.</summary>
    [JsonPropertyName("byOwnerOrAdmin")]
    public bool ByOwnerOrAdmin { get; init; }
}
