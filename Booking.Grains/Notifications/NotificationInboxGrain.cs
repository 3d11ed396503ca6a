using Booking.Grains.Common;
using Booking.Grains.Interfaces.Live;
using Booking.Grains.Interfaces.Notifications;
using Booking.Grains.Live;
using Orleans.Concurrency;

namespace Booking.Grains.Notifications;

/// <summary>
/// A user's inbox. Reentrant so that a burst of notifications (a provider whose 500 parking places all get booked at
/// 8 a.m.) is not serialised behind one database write each: while a write is in flight, later additions wait for it
/// and then ride together on the next single write. Turns still never run in parallel, so the list needs no lock.
/// </summary>
[Reentrant]
[GrainType("notification-inbox")]
internal sealed class NotificationInboxGrain(
    [PersistentState("inbox")] IPersistentState<NotificationInboxState> inbox,
    TimeProvider time) : Grain, INotificationInboxGrain
{
    /// <summary>How many notifications an inbox keeps; older ones are dropped.</summary>
    internal const int Capacity = 200;

    private readonly CoalescedStateWriter<NotificationInboxState> _writer = new(inbox);
    private readonly LiveSubscribers _live = new(time);

    public async Task<NotificationRecord> AddAsync(NewNotification notification)
    {
        var record = new NotificationRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = notification.Kind,
            Title = notification.Title,
            Message = notification.Message,
            BookingId = notification.BookingId,
            ResourceId = notification.ResourceId,
            SiteId = notification.SiteId,
            CreatedAt = time.GetUtcNow(),
        };
        var items = inbox.State.Items;
        items.Add(record);
        if (items.Count > Capacity)
        {
            items.RemoveRange(0, items.Count - Capacity);
        }

        await _writer.SaveAsync();

        // Only once it is durable: a page that reads the inbox because of this event finds it there.
        _live.Publish(new LiveEvent { Kind = LiveEventKinds.Notification, Notification = record, Unread = UnreadCount() });
        return record;
    }

    public Task<NotificationPage> ListAsync(int page, int pageSize, bool unreadOnly)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var items = inbox.State.Items;
        var matching = Enumerable.Reverse(items).Where(n => !unreadOnly || n.ReadAt is null).ToList();
        return Task.FromResult(new NotificationPage
        {
            Items = [.. matching.Skip((page - 1) * pageSize).Take(pageSize)],
            Page = page,
            PageSize = pageSize,
            Total = matching.Count,
            Unread = UnreadCount(),
        });
    }

    public async Task<bool> MarkReadAsync(string notificationId)
    {
        var items = inbox.State.Items;
        var index = items.FindIndex(n => n.Id == notificationId);
        if (index < 0)
        {
            return false;
        }

        if (items[index].ReadAt is null)
        {
            items[index] = items[index] with { ReadAt = time.GetUtcNow() };
            await _writer.SaveAsync();
            _live.Publish(new LiveEvent { Kind = LiveEventKinds.Unread, Unread = UnreadCount() });
        }

        return true;
    }

    public Task<bool> SubscribeAsync(ILiveObserver observer) => Task.FromResult(_live.Subscribe(observer));

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        _live.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private int UnreadCount() => inbox.State.Items.Count(n => n.ReadAt is null);
}
