using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>
/// Creates a parking site and its slots: either <see cref="SlotCount"/> (numbered 1..n) or explicit <see cref="SlotNumbers"/>.
/// Unset schedule fields take the FlexPark defaults (every day 07:00–20:00; morning 07:00–13:00, afternoon 13:00–20:00, day 07:00–20:00).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.CreateSiteRequest")]
public sealed record CreateSiteRequest
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("slotCount")]
    public int? SlotCount { get; init; }

    [JsonPropertyName("slotNumbers")]
    public IReadOnlyList<string>? SlotNumbers { get; init; }

    [JsonPropertyName("timeZone")]
    public string TimeZone { get; init; } = "UTC";

    [JsonPropertyName("periods")]
    public IReadOnlyDictionary<string, TimeWindow>? Periods { get; init; }

    [JsonPropertyName("weekly")]
    public IReadOnlyList<WeeklyWindow>? Weekly { get; init; }

    [JsonPropertyName("bookingWindowDays")]
    public int? BookingWindowDays { get; init; } = 30;

    [JsonPropertyName("cancellationCutoffMinutes")]
    public int CancellationCutoffMinutes { get; init; }

    /// <summary>The parking manager owning the slots.</summary>
    [JsonPropertyName("ownerId")]
    public string? OwnerId { get; init; }
}
