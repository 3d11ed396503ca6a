using Booking.Grains.Persistence;

namespace Booking.Tests.Storage;

/// <summary>A projection no writer is registered for.</summary>
public sealed record UnhandledProjection(string Id) : IStateProjection;
