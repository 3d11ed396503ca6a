using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Notifications;

/// <summary>One page of an inbox, newest first.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.NotificationPage")]
public sealed record NotificationPage
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<NotificationRecord> Items { get; init; }

    [JsonPropertyName("page")]
    public required int Page { get; init; }

    [JsonPropertyName("pageSize")]
    public required int PageSize { get; init; }

    [JsonPropertyName("total")]
    public required int Total { get; init; }

    [JsonPropertyName("unread")]
    public required int Unread { get; init; }
}
