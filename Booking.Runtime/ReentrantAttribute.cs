namespace Booking.Runtime;

/// <summary>
/// The grain class may interleave requests: while one request awaits, another may run.
/// Turns still never run in parallel (Orleans' <c>[Reentrant]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute
{
}
