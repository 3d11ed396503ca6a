using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>Persistent state of <see cref="ResourceGrain"/>.</summary>
internal sealed class ResourceState
{
    /// <summary>The definition; null until created.</summary>
    [JsonPropertyName("definition")]
    public ResourceDefinition? Definition { get; set; }
}
