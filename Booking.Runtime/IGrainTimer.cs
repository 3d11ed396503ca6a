namespace Booking.Runtime;

/// <summary>A grain timer; disposing it stops it. Timers end with their activation.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period (<see cref="Timeout.InfiniteTimeSpan"/> for a one-shot timer).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
