using System.Text.Json.Serialization;

namespace Booking.Grains.Queries;

/// <summary>How much of a resource's open time its bookings took over a range of dates.</summary>
public sealed record ResourceOccupancy
{
    /// <summary>Minutes booked by confirmed and completed bookings (each booking counts its own minutes, so three overlapping bookings of a capacity-3 resource count three times).</summary>
    [JsonPropertyName("occupiedMinutes")]
    public required long OccupiedMinutes { get; init; }

    /// <summary>
    /// Open minutes by the schedule as it is now (weekly windows and dated exceptions, local wall-clock minutes), times the
    /// capacity as it is now.
    /// </summary>
    [JsonPropertyName("availableMinutes")]
    public required long AvailableMinutes { get; init; }

    /// <summary>
    /// <see cref="OccupiedMinutes"/> / <see cref="AvailableMinutes"/>, rounded to 4 decimals; null when the schedule opens no
    /// minute in the range. May exceed 1 when bookings were made under a wider schedule or a larger capacity than now.
    /// </summary>
    [JsonPropertyName("ratio")]
    public double? Ratio { get; init; }
}
