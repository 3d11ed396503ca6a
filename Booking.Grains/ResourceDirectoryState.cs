using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>The persisted resource directory, keyed by resource id.</summary>
internal sealed class ResourceDirectoryState
{
    [JsonPropertyName("resources")]
    public Dictionary<string, ResourceSummary> Resources { get; set; } = new(StringComparer.Ordinal);
}
