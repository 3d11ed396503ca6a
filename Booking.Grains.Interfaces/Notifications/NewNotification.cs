using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Notifications;

/// <summary>What a sender asks an inbox to hold; the inbox stamps the id and time.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.NewNotification")]
public sealed record NewNotification
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("bookingId")]
    public string? BookingId { get; init; }

    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; init; }

    [JsonPropertyName("siteId")]
    public string? SiteId { get; init; }
}
