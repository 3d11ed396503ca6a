namespace Booking.Grains.Messages;

/// <summary>The kinds of <see cref="MessageEvent"/>; booking kinds are also the webhook event names.</summary>
public static class MessageEventKinds
{
    public const string BookingCreated = "booking.created";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingCheckedIn = "booking.checked_in";
    public const string BookingNoShow = "booking.no_show";
    public const string BookingCompleted = "booking.completed";
    public const string PasswordReset = "account.password_reset";
}
