namespace Booking.Grains.Interfaces.Notifications;

/// <summary>The stable <c>kind</c> values of in-app notifications.</summary>
public static class NotificationKinds
{
    public const string BookingCreated = "booking_created";
    public const string BookingCancelled = "booking_cancelled";
    public const string Broadcast = "broadcast";
}
