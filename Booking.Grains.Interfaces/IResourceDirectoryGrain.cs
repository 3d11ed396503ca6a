using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>The list of every resource (a single grain, key <see cref="Key"/>); resource grains keep their line current.</summary>
[Alias("booking.IResourceDirectoryGrain")]
public interface IResourceDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    const string Key = "all";

    /// <summary>Adds or replaces a resource's line; durable before it returns.</summary>
    Task UpsertAsync(ResourceSummary resource);

    /// <summary>One page (1-based) of the resources matching <paramref name="filter"/>, ordered by name then id (stable).</summary>
    [ReadOnly]
    Task<ResourcePage> ListAsync(ResourceListFilter filter, int page, int pageSize);
}
