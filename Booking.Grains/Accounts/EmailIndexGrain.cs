using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;

namespace Booking.Grains.Accounts;

/// <summary>One email address and the account that owns it; see <see cref="IEmailIndexGrain"/>.</summary>
[GrainType("email-index")]
internal sealed class EmailIndexGrain(
    [PersistentState("emailIndex")] IPersistentState<EmailIndexState> index,
    TimeProvider time)
    : Grain, IEmailIndexGrain
{
    public async Task<AccountProfile> RegisterAsync(NewAccount account)
    {
        AccountRules.ValidateNewAccount(account);
        if (AccountEmail.IndexKey(account.Email) != this.GetPrimaryKeyString())
        {
            throw new DomainValidationException("The email address does not match the index entry it was sent to.");
        }

        // An owner that is not active is an anonymised account, or a registration interrupted between this write and
        // the account's creation: either way the address is free again.
        if (index.State.UserId is { } owner
            && owner != account.UserId
            && await GrainFactory.GetGrain<IUserAccountGrain>(owner).IsActiveAsync())
        {
            throw new EmailTakenException("An account with this email address exists already.");
        }

        index.State = new EmailIndexState { UserId = account.UserId, ClaimedAt = time.GetUtcNow() };
        await index.WriteStateAsync();
        return await GrainFactory.GetGrain<IUserAccountGrain>(account.UserId).CreateAsync(account);
    }

    public Task<string?> GetUserIdAsync() => Task.FromResult(index.State.UserId);

    public Task<IssuedSession> SignInAsync(string password)
    {
        if (index.State.UserId is { } owner)
        {
            return GrainFactory.GetGrain<IUserAccountGrain>(owner).SignInAsync(password);
        }

        PasswordHasher.SimulateVerify(password);
        throw new InvalidCredentialsException("The email address or password is not correct.");
    }

    public async Task ReleaseAsync(string userId)
    {
        if (index.State.UserId == userId)
        {
            await index.ClearStateAsync();
        }
    }
}
