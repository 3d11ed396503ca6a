namespace Booking.Silo.Storage;

/// <summary>Names of the grain storage providers a silo registers.</summary>
public static class GrainStorageNames
{
    /// <summary>Orleans' default provider (grains whose state has no projection).</summary>
    public const string Default = "Default";

    /// <summary>The provider of states written with projections (the resource-day grain); always one of the project's own.</summary>
    public const string Projected = Booking.Grains.Persistence.ProjectedStorage.Name;
}
