using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>One page of resources, ordered by name then id.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ResourcePage")]
public sealed record ResourcePage
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<ResourceSummary> Items { get; init; }

    [JsonPropertyName("page")]
    public required int Page { get; init; }

    [JsonPropertyName("pageSize")]
    public required int PageSize { get; init; }

    [JsonPropertyName("total")]
    public required int Total { get; init; }
}
