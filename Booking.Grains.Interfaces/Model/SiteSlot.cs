using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>One parking place of a site: its resource and its painted number.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.SiteSlot")]
public sealed record SiteSlot
{
    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("number")]
    public required string Number { get; init; }
}
