namespace Booking.Runtime;

/// <summary>Calls to this interface method may interleave with any other request (Orleans' <c>[AlwaysInterleave]</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}
