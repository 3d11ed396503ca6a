using System.Text.Json.Serialization;

namespace Booking.Grains;

/// <summary>Persistent state of <see cref="ResourceIndexGrain"/>: the resource holding the entry, if any.</summary>
internal sealed class ResourceIndexState
{
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    [JsonPropertyName("claimedAt")]
    public DateTimeOffset? ClaimedAt { get; set; }
}
