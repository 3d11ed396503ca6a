namespace Booking.Grains.Interfaces.Live;

/// <summary>The stable <c>kind</c> values of <see cref="LiveEvent"/>; web pages receive them as server-sent event names.</summary>
public static class LiveEventKinds
{
    /// <summary>A parking slot was booked, held or freed on a date: its free/taken status may have changed.</summary>
    public const string Slots = "slots";

    /// <summary>A notification arrived in the inbox.</summary>
    public const string Notification = "notification";

    /// <summary>The inbox's unread count changed (a notification was read).</summary>
    public const string Unread = "unread";

    /// <summary>Events may have been missed (a subscription was lost or a reader fell behind): read the state again.</summary>
    public const string Resync = "resync";
}
