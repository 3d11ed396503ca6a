using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A recurring opening on one weekday, local time [start, end); an end of <c>00:00</c> means midnight.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.WeeklyWindow")]
public sealed record WeeklyWindow
{
    [JsonPropertyName("day")]
    [JsonConverter(typeof(DayOfWeekJsonConverter))]
    public required DayOfWeek Day { get; init; }

    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly Start { get; init; }

    [JsonPropertyName("end")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly End { get; init; }

    public static WeeklyWindow Of(DayOfWeek day, TimeOnly start, TimeOnly end) => new() { Day = day, Start = start, End = end };
}
