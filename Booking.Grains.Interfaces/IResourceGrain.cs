using Booking.Grains.Interfaces.Model;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces;

/// <summary>One bookable resource's definition (key: the resource id). Resources are deactivated, never deleted.</summary>
[Alias("booking.IResourceGrain")]
public interface IResourceGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="definition"/> as version 1 under this grain's key (its id is overwritten with the key); <c>validation_failed</c> when invalid, <c>already_exists</c> when the resource exists.</summary>
    Task<ResourceOutcome> CreateAsync(ResourceDefinition definition);

    /// <summary>Replaces every field but id and creation time and bumps the version; <c>resource_not_found</c> or <c>validation_failed</c> otherwise. Existing bookings are kept as they are.</summary>
    Task<ResourceOutcome> UpdateAsync(ResourceDefinition definition);

    /// <summary>Replaces the weekly windows and dated exceptions and bumps the version; overlapping windows are <c>validation_failed</c>.</summary>
    Task<ResourceOutcome> SetScheduleAsync(ResourceSchedule schedule);

    /// <summary>Stops new bookings (existing ones stay) and bumps the version; repeating it changes nothing.</summary>
    Task<ResourceOutcome> DeactivateAsync();

    /// <summary>The current definition, or null when the resource does not exist.</summary>
    [ReadOnly]
    Task<ResourceDefinition?> GetAsync();

    /// <summary>The current version (0 when the resource does not exist), so caches can revalidate cheaply.</summary>
    [ReadOnly]
    Task<long> GetVersionAsync();
}
