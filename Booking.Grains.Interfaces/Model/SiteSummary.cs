using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A parking site's line in the site directory.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.SiteSummary")]
public sealed record SiteSummary
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("slotCount")]
    public required int SlotCount { get; init; }

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    public static SiteSummary Of(SiteDefinition site) => new()
    {
        Id = site.Id,
        Name = site.Name,
        Address = site.Address,
        SlotCount = site.Slots.Count,
        CreatedAt = site.CreatedAt,
    };
}
