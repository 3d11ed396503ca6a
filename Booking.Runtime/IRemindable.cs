namespace Booking.Runtime;

/// <summary>A grain that receives persistent reminders (Orleans' <c>IRemindable</c>).</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called when the reminder <paramref name="reminderName"/> is due; activates the grain if needed.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
