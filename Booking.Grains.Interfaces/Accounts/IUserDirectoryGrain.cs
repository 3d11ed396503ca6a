
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>The list of accounts for administrators (a single grain, key <see cref="Key"/>); account grains keep it current.</summary>
[Alias("booking.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    const string Key = "all";

    /// <summary>Adds or replaces a user's line.</summary>
    Task UpsertAsync(UserDirectoryEntry entry);

    /// <summary>Removes a user's line (the account was anonymised); no-op when absent.</summary>
    Task RemoveAsync(string userId);

    /// <summary>One page (1-based), oldest account first, ties broken by id so the order is stable.</summary>
    [ReadOnly]
    Task<UserDirectoryPage> ListAsync(int page, int pageSize);
}
