namespace Booking.Grains.Persistence;

/// <summary>The storage provider name under which the silo registers a provider that writes projections.</summary>
public static class ProjectedStorage
{
    public const string Name = "Projected";
}
