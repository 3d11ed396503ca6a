using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>Persistent state of <see cref="SiteGrain"/>.</summary>
internal sealed class SiteState
{
    /// <summary>The site; null until created.</summary>
    [JsonPropertyName("site")]
    public SiteDefinition? Site { get; set; }

    /// <summary>The definition the site's slot resources are created from (kept to finish an interrupted creation).</summary>
    [JsonPropertyName("slotDefinition")]
    public ResourceDefinition? SlotDefinition { get; set; }
}
