namespace Booking.Runtime.Core;

/// <summary>One message waiting for, or running on, an activation.</summary>
internal abstract class GrainRequest(bool isReadOnly, bool alwaysInterleave, DateTimeOffset deadline)
{
    public bool IsReadOnly { get; } = isReadOnly;

    public bool AlwaysInterleave { get; } = alwaysInterleave;

    /// <summary>After this instant the caller has given up (timeout); the request is dropped instead of run.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>Whether running this request counts as activity for idle collection.</summary>
    public virtual bool KeepsAlive => true;

    /// <summary>Runs the request on <paramref name="grain"/>; completes the caller's task; never throws.</summary>
    public abstract Task RunAsync(object grain);

    /// <summary>Fails the caller's task (the request will not run here).</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Sends the request to wherever the grain lives now, completing the caller's task from there.</summary>
    public abstract void Redirect(IGrainCallInvoker invoker, GrainId grainId);
}
