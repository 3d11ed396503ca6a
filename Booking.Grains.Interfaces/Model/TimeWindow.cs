using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A local wall-clock range [start, end) within one date; an end of <c>00:00</c> means midnight at the end of the date.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.TimeWindow")]
public sealed record TimeWindow
{
    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly Start { get; init; }

    [JsonPropertyName("end")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly End { get; init; }

    public static TimeWindow Of(TimeOnly start, TimeOnly end) => new() { Start = start, End = end };
}
