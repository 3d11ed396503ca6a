namespace Booking.Tests.Security;

/// <summary>A body whose length the client cannot tell in advance, so it travels without Content-Length (chunked).</summary>
internal sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    public override bool CanSeek => false;
}
