using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Messages;

/// <summary>What a message says about the booked resource: taken from its definition when the booking changed.</summary>
public sealed record MessageResource
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("kind")]
    public ResourceKind Kind { get; init; }

    /// <summary>IANA time zone of the resource's local times.</summary>
    [JsonPropertyName("timeZone")]
    public required string TimeZone { get; init; }

    [JsonPropertyName("ownerId")]
    public string? OwnerId { get; init; }

}
