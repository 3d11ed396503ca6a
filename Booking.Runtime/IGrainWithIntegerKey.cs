namespace Booking.Runtime;

/// <summary>A grain identified by a 64-bit integer key (stored as its invariant string form).</summary>
public interface IGrainWithIntegerKey : IGrain
{
}
