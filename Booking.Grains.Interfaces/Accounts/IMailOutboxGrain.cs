
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>
/// A user's outgoing mail (key: the <see cref="UserId"/>): messages such as password-reset codes that must reach the
/// user by mail and never through an API response. Keeps the most recent messages only.
/// </summary>
[Alias("booking.IMailOutboxGrain")]
public interface IMailOutboxGrain : IGrainWithStringKey
{
    /// <summary>Stores the message durably before returning.</summary>
    Task EnqueueAsync(OutgoingMail mail);

    /// <summary>The stored messages, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<OutgoingMail>> ListAsync();

    /// <summary>Deletes every message (the account was anonymised).</summary>
    Task ClearAsync();
}
