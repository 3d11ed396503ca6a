using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>A parking site and its slots (key: the site id).</summary>
[Alias("booking.ISiteGrain")]
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the site, then creates one active <c>parking_slot</c> resource per slot (owned by the site, sharing its
    /// period template and schedule). <c>validation_failed</c> when invalid; <c>already_exists</c> when the site exists
    /// (after making sure its slot resources exist, so a retried half-done creation completes).
    /// </summary>
    Task<SiteOutcome> CreateAsync(CreateSiteRequest request);

    /// <summary>The site, or null when it does not exist.</summary>
    [ReadOnly]
    Task<SiteDefinition?> GetAsync();
}
