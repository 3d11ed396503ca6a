namespace Booking.Runtime;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> (Orleans' attribute).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state's name, part of its storage key.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name; the default provider when null.</summary>
    public string? StorageName { get; } = storageName;
}
