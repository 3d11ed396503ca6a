using Booking.Grains.Interfaces.Accounts;

namespace Booking.Grains.Accounts;

/// <summary>A user's outgoing mail; see <see cref="IMailOutboxGrain"/>.</summary>
[GrainType("mail-outbox")]
internal sealed class MailOutboxGrain([PersistentState("mailOutbox")] IPersistentState<MailOutboxState> outbox)
    : Grain, IMailOutboxGrain
{
    public const int MaxMessages = 50;

    public async Task EnqueueAsync(OutgoingMail mail)
    {
        outbox.State = new MailOutboxState { Messages = [mail, .. outbox.State.Messages.Take(MaxMessages - 1)] };
        await outbox.WriteStateAsync();
    }

    public Task<IReadOnlyList<OutgoingMail>> ListAsync() => Task.FromResult(outbox.State.Messages);

    public async Task ClearAsync()
    {
        if (outbox.State.Messages.Count > 0)
        {
            outbox.State = new MailOutboxState();
            await outbox.WriteStateAsync();
        }
    }
}
