namespace Booking.Runtime;

/// <summary>
/// A grain threw an exception on another silo whose type could not be recreated here;
/// <see cref="RemoteExceptionType"/> and the message are the original's.
/// </summary>
public sealed class GrainCallException : Exception
{
    public GrainCallException()
    {
    }

    public GrainCallException(string message)
        : base(message)
    {
    }

    public GrainCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrainCallException(string remoteExceptionType, string message)
        : base(message)
    {
        RemoteExceptionType = remoteExceptionType;
    }

    /// <summary>The full name of the exception type thrown by the grain.</summary>
    public string? RemoteExceptionType { get; }
}
