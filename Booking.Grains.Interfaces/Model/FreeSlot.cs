using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A time that a booking request would be accepted for right now (local and UTC).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.FreeSlot")]
public sealed record FreeSlot
{
    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly Start { get; init; }

    /// <summary>Local end; <c>00:00</c> means midnight at the end of <see cref="Date"/>.</summary>
    [JsonPropertyName("end")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly End { get; init; }

    [JsonPropertyName("startUtc")]
    public required DateTimeOffset StartUtc { get; init; }

    [JsonPropertyName("endUtc")]
    public required DateTimeOffset EndUtc { get; init; }

    /// <summary>The named period, when the slot is one.</summary>
    [JsonPropertyName("period")]
    public string? Period { get; init; }
}
