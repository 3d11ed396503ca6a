namespace Booking.Runtime;

/// <summary>How a grain timer behaves (Orleans' <c>GrainTimerCreationOptions</c>).</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>When true the tick may run while a request is awaiting; by default a tick is a turn of its own, like a request.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true every tick counts as activity, keeping the activation from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
