namespace Booking.Grains.Messages;

/// <summary>The mails the engine writes (each a template in French and English).</summary>
public static class MailKinds
{
    /// <summary>To the booker: the booking is confirmed (with an iCalendar REQUEST).</summary>
    public const string BookingConfirmed = "booking_confirmed";

    /// <summary>To the resource's owner (the mentor, the provider): someone booked.</summary>
    public const string BookingReceived = "booking_received";

    /// <summary>To the booker: the booking is cancelled (with an iCalendar CANCEL).</summary>
    public const string BookingCancelled = "booking_cancelled";

    /// <summary>To the owner: a booking of theirs was cancelled.</summary>
    public const string BookingCancelledOwner = "booking_cancelled_owner";

    /// <summary>To the booker, some time before the start.</summary>
    public const string BookingReminder = "booking_reminder";

    /// <summary>To the account holder: a password-reset code (a security mail: always sent).</summary>
    public const string PasswordReset = "password_reset";
}
