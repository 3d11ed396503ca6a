
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>
/// One lookup entry of the resource catalogue (key: see <see cref="ResourceIndexKeys"/>), such as a service's name or a
/// mentor's owner, pointing at one resource id. Resource grains keep their entries current as their definitions change,
/// so a lookup is one grain call and never a scan. The first active resource to claim an entry keeps it until it
/// releases it (renamed, re-owned or deactivated).
/// </summary>
[Alias("booking.IResourceIndexGrain")]
public interface IResourceIndexGrain : IGrainWithStringKey
{
    /// <summary>The id of the resource the entry points at, or null when no resource holds it.</summary>
    [ReadOnly]
    Task<string?> GetAsync();

    /// <summary>Points the entry at <paramref name="resourceId"/> unless another resource holds it; durable before it returns the holder.</summary>
    Task<string> ClaimAsync(string resourceId);

    /// <summary>Frees the entry if <paramref name="resourceId"/> holds it; otherwise changes nothing.</summary>
    Task ReleaseAsync(string resourceId);
}
