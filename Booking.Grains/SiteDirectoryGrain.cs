using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains;

/// <summary>The list of parking sites; see <see cref="ISiteDirectoryGrain"/>. Sites are few (one per car park), so one grain holds them all.</summary>
[GrainType("site-directory")]
internal sealed class SiteDirectoryGrain(
    [PersistentState("siteDirectory")] IPersistentState<SiteDirectoryState> state) : Grain, ISiteDirectoryGrain
{
    public async Task UpsertAsync(SiteSummary site)
    {
        if (state.State.Sites.TryGetValue(site.Id, out var existing) && existing == site)
        {
            return;
        }

        var previous = state.State.Sites;
        state.State.Sites = new Dictionary<string, SiteSummary>(previous, StringComparer.Ordinal) { [site.Id] = site };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Sites = previous;
            throw;
        }
    }

    public Task<IReadOnlyList<SiteSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SiteSummary>>([.. state.State.Sites.Values.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)]);
}
