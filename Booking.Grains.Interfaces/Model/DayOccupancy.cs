using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>What is taken of a resource on one local date: the ranges with at least one active booking and the capacity left in each.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.DayOccupancy")]
public sealed record DayOccupancy
{
    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    [JsonPropertyName("capacity")]
    public required int Capacity { get; init; }

    /// <summary>Ranges with active bookings, in time order, not overlapping.</summary>
    [JsonPropertyName("taken")]
    public IReadOnlyList<OccupancySegment> Taken { get; init; } = [];

    /// <summary>The active bookings (ids, times, periods) behind <see cref="Taken"/>.</summary>
    [JsonPropertyName("bookings")]
    public IReadOnlyList<BookingRecord> Bookings { get; init; } = [];
}
