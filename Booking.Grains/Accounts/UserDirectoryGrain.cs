using Booking.Grains.Interfaces.Accounts;

namespace Booking.Grains.Accounts;

/// <summary>The administrators' list of accounts; see <see cref="IUserDirectoryGrain"/>.</summary>
[GrainType("user-directory")]
internal sealed class UserDirectoryGrain([PersistentState("userDirectory")] IPersistentState<UserDirectoryState> directory)
    : Grain, IUserDirectoryGrain
{
    public const int MaxPageSize = 100;

    public async Task UpsertAsync(UserDirectoryEntry entry)
    {
        var current = directory.State.Entries.FirstOrDefault(e => e.Id == entry.Id);
        if (current == entry)
        {
            return;
        }

        directory.State = new UserDirectoryState
        {
            Entries = [.. directory.State.Entries.Where(e => e.Id != entry.Id).Append(entry).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal)],
        };
        await directory.WriteStateAsync();
    }

    public async Task RemoveAsync(string userId)
    {
        if (directory.State.Entries.Any(e => e.Id == userId))
        {
            directory.State = new UserDirectoryState { Entries = [.. directory.State.Entries.Where(e => e.Id != userId)] };
            await directory.WriteStateAsync();
        }
    }

    public Task<UserDirectoryPage> ListAsync(int page, int pageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var entries = directory.State.Entries;
        return Task.FromResult(new UserDirectoryPage
        {
            Items = [.. entries.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize)],
            Page = page,
            PageSize = pageSize,
            Total = entries.Count,
        });
    }
}
