using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>Filters of <c>GET /api/v1/resources</c>; null fields do not filter.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ResourceListFilter")]
public sealed record ResourceListFilter
{
    [JsonPropertyName("kind")]
    public ResourceKind? Kind { get; init; }

    [JsonPropertyName("parentId")]
    public string? ParentId { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>Case-insensitive substring of the name.</summary>
    [JsonPropertyName("q")]
    public string? Query { get; init; }

    [JsonPropertyName("includeInactive")]
    public bool IncludeInactive { get; init; }

    /// <summary>Only the resources this user owns (a provider's "my resources").</summary>
    [JsonPropertyName("ownerId")]
    public string? OwnerId { get; init; }

    public bool Matches(ResourceSummary resource) =>
        (IncludeInactive || resource.Active)
        && (Kind is null || resource.Kind == Kind)
        && (ParentId is null || resource.ParentId == ParentId)
        && (OwnerId is null || resource.OwnerId == OwnerId)
        && (Category is null || string.Equals(resource.Category, Category, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(Query) || resource.Name.Contains(Query.Trim(), StringComparison.OrdinalIgnoreCase));
}
