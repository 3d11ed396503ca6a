namespace Booking.Tests.Runtime.TestGrains;

public interface IReminderProbeGrain : Booking.Runtime.IGrainWithStringKey, Booking.Runtime.IRemindable
{
    Task RegisterAsync(TimeSpan dueTime, TimeSpan period);
}
