using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A parking site: a named group of <c>parking_slot</c> resources that share one period template.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.SiteDefinition")]
public sealed record SiteDefinition
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("timeZone")]
    public required string TimeZone { get; init; }

    /// <summary>The named periods every slot of the site is booked by.</summary>
    [JsonPropertyName("periods")]
    public IReadOnlyDictionary<string, TimeWindow> Periods { get; init; } = new Dictionary<string, TimeWindow>();

    /// <summary>The slots, in assignment order.</summary>
    [JsonPropertyName("slots")]
    public IReadOnlyList<SiteSlot> Slots { get; init; } = [];

    [JsonPropertyName("version")]
    public long Version { get; init; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; init; }
}
