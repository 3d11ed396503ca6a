using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>The list of parking sites (a single grain, key <see cref="Key"/>); site grains add themselves once created.</summary>
[Alias("booking.ISiteDirectoryGrain")]
public interface ISiteDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    const string Key = "all";

    /// <summary>Adds or replaces a site's line; durable before it returns.</summary>
    Task UpsertAsync(SiteSummary site);

    /// <summary>Every site, oldest first, ties broken by id so the order is stable.</summary>
    [ReadOnly]
    Task<IReadOnlyList<SiteSummary>> ListAsync();
}
