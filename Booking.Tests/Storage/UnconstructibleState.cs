namespace Booking.Tests.Storage;

/// <summary>A state type with no constructor a fresh state could come from.</summary>
public sealed record UnconstructibleState(int Count);
