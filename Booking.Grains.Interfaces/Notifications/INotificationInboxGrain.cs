using Booking.Grains.Interfaces.Live;

namespace Booking.Grains.Interfaces.Notifications;

/// <summary>
/// A user's in-app notifications (key = user id), newest first, bounded to the most recent ones. Live subscribers
/// (<see cref="ILiveSource"/>) get each new notification once it is stored, and the unread count when it changes.
/// </summary>
[Alias("booking.INotificationInboxGrain")]
public interface INotificationInboxGrain : ILiveSource
{
    /// <summary>Stores a notification durably before completing; returns it with its id.</summary>
    Task<NotificationRecord> AddAsync(NewNotification notification);

    /// <summary>A page (1-based) of the inbox, newest first; optionally only unread ones.</summary>
    Task<NotificationPage> ListAsync(int page, int pageSize, bool unreadOnly);

    /// <summary>Marks one notification read (idempotent); false when the inbox has no such notification.</summary>
    Task<bool> MarkReadAsync(string notificationId);
}
