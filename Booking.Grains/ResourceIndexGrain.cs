using Booking.Grains.Interfaces;

namespace Booking.Grains;

/// <summary>One catalogue lookup entry; see <see cref="IResourceIndexGrain"/>. It never calls a resource grain, since resource grains call it.</summary>
[GrainType("resource-index")]
internal sealed class ResourceIndexGrain(
    [PersistentState("resourceIndex")] IPersistentState<ResourceIndexState> state,
    TimeProvider timeProvider) : Grain, IResourceIndexGrain
{
    public Task<string?> GetAsync() => Task.FromResult(state.State.ResourceId);

    public async Task<string> ClaimAsync(string resourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        if (state.State.ResourceId is { } holder)
        {
            return holder;
        }

        await WriteAsync(new ResourceIndexState { ResourceId = resourceId, ClaimedAt = timeProvider.GetUtcNow() });
        return resourceId;
    }

    public async Task ReleaseAsync(string resourceId)
    {
        if (state.State.ResourceId == resourceId)
        {
            await WriteAsync(new ResourceIndexState());
        }
    }

    private async Task WriteAsync(ResourceIndexState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
