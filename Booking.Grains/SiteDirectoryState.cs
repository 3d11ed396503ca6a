using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>Persistent state of <see cref="SiteDirectoryGrain"/>: one line per site, by id.</summary>
internal sealed class SiteDirectoryState
{
    [JsonPropertyName("sites")]
    public Dictionary<string, SiteSummary> Sites { get; set; } = new(StringComparer.Ordinal);
}
