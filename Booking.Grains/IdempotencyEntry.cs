using System.Text.Json.Serialization;

namespace Booking.Grains;

/// <summary>An accepted request remembered under its idempotency key: the booking it made and a hash of what it asked for.</summary>
internal sealed record IdempotencyEntry
{
    [JsonPropertyName("bookingId")]
    public required string BookingId { get; init; }

    [JsonPropertyName("fingerprint")]
    public required string Fingerprint { get; init; }
}
