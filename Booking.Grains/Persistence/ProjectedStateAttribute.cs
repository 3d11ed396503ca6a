namespace Booking.Grains.Persistence;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IProjectedState{TState}"/>, as Orleans'
/// <c>[PersistentState]</c> marks an <c>IPersistentState&lt;T&gt;</c>; resolved by <see cref="ProjectedStateAttributeMapper"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ProjectedStateAttribute(string stateName, string? storageName = null) : Attribute, IFacetMetadata
{
    /// <summary>The state's name, part of its storage key.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name; the default provider when null.</summary>
    public string? StorageName { get; } = storageName;
}
