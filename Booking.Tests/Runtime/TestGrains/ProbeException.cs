namespace Booking.Tests.Runtime.TestGrains;

public sealed class ProbeException : Exception
{
    public ProbeException()
    {
    }

    public ProbeException(string message)
        : base(message)
    {
    }

    public ProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
