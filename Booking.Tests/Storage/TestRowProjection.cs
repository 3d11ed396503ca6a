using Booking.Grains.Persistence;

namespace Booking.Tests.Storage;

/// <summary>A projection that adds one row to the test table <c>test_projection</c>, whose <c>id</c> is unique.</summary>
public sealed record TestRowProjection(string Id, string Note) : IStateProjection;
