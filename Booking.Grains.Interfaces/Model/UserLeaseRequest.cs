using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A resource-day grain's request to reserve, for a booking in flight, the booker's time on the user-day grain.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.UserLeaseRequest")]
public sealed record UserLeaseRequest
{
    /// <summary>The id of the booking being made (a hold being confirmed reuses its id).</summary>
    [JsonPropertyName("leaseId")]
    public required string LeaseId { get; init; }

    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("resourceKind")]
    public required ResourceKind ResourceKind { get; init; }

    [JsonPropertyName("startUtc")]
    public required DateTimeOffset StartUtc { get; init; }

    [JsonPropertyName("endUtc")]
    public required DateTimeOffset EndUtc { get; init; }

    [JsonPropertyName("period")]
    public string? Period { get; init; }
}
