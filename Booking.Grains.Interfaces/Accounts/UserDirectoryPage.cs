using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>One page of the user directory, oldest account first.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.UserDirectoryPage")]
public sealed record UserDirectoryPage
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<UserDirectoryEntry> Items { get; init; }

    [JsonPropertyName("page")]
    public required int Page { get; init; }

    [JsonPropertyName("pageSize")]
    public required int PageSize { get; init; }

    [JsonPropertyName("total")]
    public required int Total { get; init; }
}
