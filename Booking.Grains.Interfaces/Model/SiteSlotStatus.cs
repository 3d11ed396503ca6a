using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A parking slot with whether it is free for a given date and period.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.SiteSlotStatus")]
public sealed record SiteSlotStatus
{
    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("number")]
    public required string Number { get; init; }

    [JsonPropertyName("free")]
    public required bool Free { get; init; }
}
