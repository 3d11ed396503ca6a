namespace Booking.Grains.Messages;

/// <summary>
/// The durable message outbox as grains and the API see it. Booking events enter it with the resource-day's state write
/// (<see cref="MessageEventsRecorded"/>); events with no such write (a password reset) enter through <see cref="RecordAsync"/>.
/// A dispatcher on each silo turns events into deliveries and sends them.
/// </summary>
public interface IMessageOutbox
{
    /// <summary>Records <paramref name="message"/> durably before returning; recording the same id again changes nothing.</summary>
    Task RecordAsync(MessageEvent message, CancellationToken cancellationToken);

    /// <summary>Mail deliveries, newest first, filtered by recipient and status.</summary>
    Task<MailPage> ListMailAsync(MailFilter filter, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>One mail delivery with its content (once rendered), or null.</summary>
    Task<MailDelivery?> GetMailAsync(string id, CancellationToken cancellationToken);

    /// <summary>Deletes every event and delivery of <paramref name="userId"/> (the account was anonymised).</summary>
    Task ForgetUserAsync(string userId, CancellationToken cancellationToken);
}
