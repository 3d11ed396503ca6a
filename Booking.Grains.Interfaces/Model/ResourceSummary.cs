using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A resource's line in the resource directory: what listings filter and show.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ResourceSummary")]
public sealed record ResourceSummary
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("kind")]
    public required ResourceKind Kind { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("ownerId")]
    public string? OwnerId { get; init; }

    [JsonPropertyName("parentId")]
    public string? ParentId { get; init; }

    [JsonPropertyName("capacity")]
    public int Capacity { get; init; } = 1;

    [JsonPropertyName("timeZone")]
    public required string TimeZone { get; init; }

    [JsonPropertyName("price")]
    public decimal? Price { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [JsonPropertyName("active")]
    public bool Active { get; init; } = true;

    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; init; }

    public static ResourceSummary Of(ResourceDefinition definition) => new()
    {
        Id = definition.Id,
        Kind = definition.Kind,
        Name = definition.Name,
        OwnerId = definition.OwnerId,
        ParentId = definition.ParentId,
        Capacity = definition.Capacity,
        TimeZone = definition.TimeZone,
        Price = definition.Price,
        Currency = definition.Currency,
        Category = definition.Category,
        Tags = definition.Tags,
        Active = definition.Active,
        CreatedAt = definition.CreatedAt,
    };
}
