using Booking.Grains.Interfaces.Errors;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>
/// Maps one email address (the key is its hash, see <see cref="AccountEmail.IndexKey"/>) to the account that owns it.
/// Requests for one address run one at a time, so of several concurrent registrations exactly one creates an account.
/// </summary>
[Alias("booking.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the address and creates the account; <see cref="EmailTakenException"/> when an active account owns it already.</summary>
    Task<AccountProfile> RegisterAsync(NewAccount account);

    /// <summary>The id of the account that owns the address, or null.</summary>
    [ReadOnly]
    Task<string?> GetUserIdAsync();

    /// <summary>
    /// Signs in to the owning account. An unknown address fails exactly as a wrong password does
    /// (<see cref="InvalidCredentialsException"/>, after the same hashing work), so answers never reveal which addresses exist.
    /// </summary>
    Task<IssuedSession> SignInAsync(string password);

    /// <summary>Frees the address and clears the entry if <paramref name="userId"/> owns it (the account was anonymised).</summary>
    Task ReleaseAsync(string userId);
}
