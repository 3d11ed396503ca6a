using Booking.Grains.Interfaces.Notifications;

namespace Booking.Web.Contracts;

/// <summary>
/// The data of a <c>notification</c> server-sent event (a new notification, stored already) or an <c>unread</c> one (no
/// notification; the unread count changed).
/// </summary>
public sealed record LiveInboxChanged(NotificationRecord? Notification, int Unread);
