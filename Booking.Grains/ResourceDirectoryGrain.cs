using Booking.Grains.Common;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains;

/// <summary>
/// Every resource's summary, for listings. Reentrant with coalesced writes: creating a 500-place parking site upserts
/// 500 lines, which then share a handful of writes instead of queueing 500 of them one after another.
/// </summary>
[Reentrant]
[GrainType("resource-directory")]
internal sealed class ResourceDirectoryGrain([PersistentState("directory")] IPersistentState<ResourceDirectoryState> directory)
    : Grain, IResourceDirectoryGrain
{
    private readonly CoalescedStateWriter<ResourceDirectoryState> _writer = new(directory);

    public Task UpsertAsync(ResourceSummary resource)
    {
        directory.State.Resources[resource.Id] = resource;
        return _writer.SaveAsync();
    }

    public Task<ResourcePage> ListAsync(ResourceListFilter filter, int page, int pageSize)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var matching = directory.State.Resources.Values
            .Where(filter.Matches)
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new ResourcePage
        {
            Items = [.. matching.Skip((page - 1) * pageSize).Take(pageSize)],
            Page = page,
            PageSize = pageSize,
            Total = matching.Count,
        });
    }
}
