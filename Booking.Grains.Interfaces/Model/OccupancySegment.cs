using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A local time range during which the same number of active bookings overlap.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.OccupancySegment")]
public sealed record OccupancySegment
{
    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly Start { get; init; }

    /// <summary>Local end; <c>00:00</c> means midnight at the end of the date.</summary>
    [JsonPropertyName("end")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly End { get; init; }

    /// <summary>Active bookings overlapping this range.</summary>
    [JsonPropertyName("booked")]
    public required int Booked { get; init; }

    /// <summary>Capacity left in this range (0 = taken).</summary>
    [JsonPropertyName("remaining")]
    public required int Remaining { get; init; }
}
