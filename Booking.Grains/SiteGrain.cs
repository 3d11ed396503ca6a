using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>
/// A parking site. It is stored before its slot resources are created, with the slots' ids, so a creation cut short
/// is completed by repeating it and never leaves resources that no site knows; it joins the site directory last.
/// </summary>
[GrainType("site")]
internal sealed class SiteGrain(
    [PersistentState("site")] IPersistentState<SiteState> state,
    TimeProvider timeProvider) : Grain, ISiteGrain
{
    public async Task<SiteOutcome> CreateAsync(CreateSiteRequest request)
    {
        if (state.State is { Site: { } existing, SlotDefinition: { } existingSlots })
        {
            await EnsureSlotResourcesAsync(existing, existingSlots);
            await ListAsync(existing);
            return SiteOutcome.Failure(BookingErrorCodes.AlreadyExists, $"Site '{existing.Id}' already exists.");
        }

        var siteId = this.GetPrimaryKeyString();
        var (numbers, numbersError) = SiteTemplate.SlotNumbers(request);
        if (numbersError is not null)
        {
            return new SiteOutcome { Error = numbersError };
        }

        var slotDefinition = SiteTemplate.SlotDefinition(siteId, request);
        if (SiteTemplate.Validate(request, slotDefinition) is { } error)
        {
            return new SiteOutcome { Error = error };
        }

        var site = new SiteDefinition
        {
            Id = siteId,
            Name = request.Name.Trim(),
            Address = request.Address,
            TimeZone = request.TimeZone,
            Periods = slotDefinition.Periods,
            Slots = [.. numbers.Select(n => new SiteSlot { ResourceId = Guid.NewGuid().ToString("N"), Number = n })],
            Version = 1,
            CreatedAt = timeProvider.GetUtcNow(),
        };

        var previous = state.State;
        state.State = new SiteState { Site = site, SlotDefinition = slotDefinition };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }

        await EnsureSlotResourcesAsync(site, slotDefinition);
        await ListAsync(site);
        return SiteOutcome.Success(site);
    }

    public Task<SiteDefinition?> GetAsync() => Task.FromResult(state.State.Site);

    /// <summary>Puts the site in the site directory, once its slots exist.</summary>
    private Task ListAsync(SiteDefinition site) =>
        GrainFactory.GetGrain<ISiteDirectoryGrain>(ISiteDirectoryGrain.Key).UpsertAsync(SiteSummary.Of(site));

    private async Task EnsureSlotResourcesAsync(SiteDefinition site, ResourceDefinition slotDefinition)
    {
        var outcomes = await Task.WhenAll(site.Slots.Select(slot =>
            GrainFactory.GetGrain<IResourceGrain>(slot.ResourceId).CreateAsync(slotDefinition with { Id = slot.ResourceId, Name = $"{site.Name} {slot.Number}" })));
        var failed = outcomes.FirstOrDefault(o => !o.IsSuccess && o.Error.Code != BookingErrorCodes.AlreadyExists);
        if (failed is not null)
        {
            throw new InvalidOperationException($"A slot of site '{site.Id}' could not be created: {failed.Error!.Message}");
        }
    }
}
