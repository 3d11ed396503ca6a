namespace Booking.Tests.Storage;

/// <summary>A positional record whose constructor parameters all have defaults.</summary>
public sealed record DefaultedState(int Count = 3, string Name = "x");
