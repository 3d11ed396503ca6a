using Booking.Grains.Persistence;

namespace Booking.Tests.Storage;

/// <summary>A projection that books a time range of a resource in <c>test_slot</c>, where ranges of one resource may not overlap.</summary>
public sealed record TestSlotProjection(string Resource, DateTimeOffset Start, DateTimeOffset End) : IStateProjection;
