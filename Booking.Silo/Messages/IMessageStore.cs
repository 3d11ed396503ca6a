using Booking.Grains.Messages;

namespace Booking.Silo.Messages;

/// <summary>
/// The dispatcher's side of the message outbox. Rows are claimed with a lease (owner + expiry) so that two hosts do not
/// work on the same row at once; a lease that runs out (its host died) lets another host take the row. Every write is
/// idempotent on the row ids, so work repeated after a lost lease changes nothing twice.
/// </summary>
internal interface IMessageStore
{
    /// <summary>Leases up to <paramref name="max"/> events not yet turned into deliveries, oldest first.</summary>
    Task<IReadOnlyList<MessageEvent>> ClaimEventsAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: adds <paramref name="deliveries"/> (ids already present are left alone), skips the pending reminders
    /// of a cancelled booking, and marks the event dispatched.
    /// </summary>
    Task CompleteEventAsync(MessageEvent message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> pending deliveries due by <paramref name="now"/> (only unrendered ones if asked), earliest due first.</summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, bool unrenderedOnly, CancellationToken cancellationToken);

    /// <summary>Keeps the rendered content (sent as is on every attempt); releases the lease if asked.</summary>
    Task SaveContentAsync(string id, RenderedMail content, bool release, CancellationToken cancellationToken);

    /// <summary>The server accepted it.</summary>
    Task MarkSentAsync(string id, int attempts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>An attempt failed: pending again from <paramref name="retryAt"/>, or dead when that is null.</summary>
    Task MarkFailedAsync(string id, int attempts, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken);

    /// <summary>Not to be sent (a cancelled booking's reminder, no address to write to).</summary>
    Task MarkSkippedAsync(string id, string reason, CancellationToken cancellationToken);
}
