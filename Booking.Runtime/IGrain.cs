namespace Booking.Runtime;

/// <summary>Marker for every grain interface (Orleans' <c>IGrain</c>).</summary>
public interface IGrain
{
}
