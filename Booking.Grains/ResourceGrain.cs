using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>
/// Keeps one resource's definition; every change is validated and bumps the version that resource-day grains compare.
/// After each stored change it brings its catalogue entries (<see cref="ResourceIndexKeys"/>) and its directory line up to date.
/// </summary>
[GrainType("resource")]
internal sealed class ResourceGrain(
    [PersistentState("resource")] IPersistentState<ResourceState> state,
    TimeProvider timeProvider) : Grain, IResourceGrain
{
    public async Task<ResourceOutcome> CreateAsync(ResourceDefinition definition)
    {
        if (state.State.Definition is { } existing)
        {
            // A creation retried after its index update failed completes that update.
            await ReindexAsync(null, existing);
            return ResourceOutcome.Failure(BookingErrorCodes.AlreadyExists, $"Resource '{this.GetPrimaryKeyString()}' already exists.");
        }

        var now = timeProvider.GetUtcNow();
        var created = definition with { Id = this.GetPrimaryKeyString(), Version = 1, CreatedAt = now, UpdatedAt = now };
        return await SaveAsync(created);
    }

    public async Task<ResourceOutcome> UpdateAsync(ResourceDefinition definition)
    {
        if (state.State.Definition is not { } current)
        {
            return NotFound();
        }

        return await SaveAsync(definition with
        {
            Id = current.Id,
            CreatedAt = current.CreatedAt,
            Version = current.Version + 1,
            UpdatedAt = timeProvider.GetUtcNow(),
        });
    }

    public async Task<ResourceOutcome> SetScheduleAsync(ResourceSchedule schedule)
    {
        if (state.State.Definition is not { } current)
        {
            return NotFound();
        }

        if (ResourceValidator.ValidateSchedule(schedule) is { } error)
        {
            return ResourceOutcome.Failure(error);
        }

        return await SaveAsync(current with
        {
            Weekly = [.. schedule.Weekly],
            Exceptions = [.. schedule.Exceptions],
            Version = current.Version + 1,
            UpdatedAt = timeProvider.GetUtcNow(),
        });
    }

    public async Task<ResourceOutcome> DeactivateAsync()
    {
        if (state.State.Definition is not { } current)
        {
            return NotFound();
        }

        if (!current.Active)
        {
            return ResourceOutcome.Success(current);
        }

        return await SaveAsync(current with { Active = false, Version = current.Version + 1, UpdatedAt = timeProvider.GetUtcNow() });
    }

    public Task<ResourceDefinition?> GetAsync() => Task.FromResult(state.State.Definition);

    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Definition?.Version ?? 0);

    private async Task<ResourceOutcome> SaveAsync(ResourceDefinition definition)
    {
        if (ResourceValidator.Validate(definition) is { } error)
        {
            return ResourceOutcome.Failure(error);
        }

        var previous = state.State;
        state.State = new ResourceState { Definition = definition };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }

        await ReindexAsync(previous.Definition, definition);
        return ResourceOutcome.Success(definition);
    }

    /// <summary>
    /// Releases the entries the old definition held and claims those of the new one. Runs after the definition is
    /// stored: if it fails, the next change of this resource (or a repeated creation) completes it.
    /// </summary>
    private async Task ReindexAsync(ResourceDefinition? before, ResourceDefinition after)
    {
        var old = ResourceIndexKeys.For(before);
        var current = ResourceIndexKeys.For(after);
        foreach (var key in old.Except(current, StringComparer.Ordinal))
        {
            await GrainFactory.GetGrain<IResourceIndexGrain>(key).ReleaseAsync(after.Id);
        }

        foreach (var key in current)
        {
            await GrainFactory.GetGrain<IResourceIndexGrain>(key).ClaimAsync(after.Id);
        }

        await GrainFactory.GetGrain<IResourceDirectoryGrain>(IResourceDirectoryGrain.Key).UpsertAsync(ResourceSummary.Of(after));
    }

    private ResourceOutcome NotFound() =>
        ResourceOutcome.Failure(BookingErrorCodes.ResourceNotFound, $"No resource '{this.GetPrimaryKeyString()}'.");
}
