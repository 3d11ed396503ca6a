namespace Booking.Runtime;

/// <summary>
/// The interface method does not change grain state: it may interleave with other
/// read-only requests, but never with a request that is not read-only (Orleans' <c>[ReadOnly]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute
{
}
