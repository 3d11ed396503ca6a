using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>Persistent state of <see cref="ResourceDayGrain"/>: the resource-day's bookings and the idempotency keys that made them.</summary>
internal sealed class ResourceDayState
{
    /// <summary>Every booking and hold of the day, whatever its status, in start order.</summary>
    [JsonPropertyName("bookings")]
    public List<BookingRecord> Bookings { get; set; } = [];

    /// <summary>Accepted requests by <c>userId + key</c>: a retry returns the same booking.</summary>
    [JsonPropertyName("idempotency")]
    public Dictionary<string, IdempotencyEntry> Idempotency { get; set; } = new(StringComparer.Ordinal);
}
