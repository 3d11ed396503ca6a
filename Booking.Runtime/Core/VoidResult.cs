namespace Booking.Runtime.Core;

/// <summary>The result type used internally for grain methods that return a plain <see cref="Task"/>.</summary>
internal readonly record struct VoidResult;
