using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Interfaces;

/// <summary>The keys of <see cref="IResourceIndexGrain"/> entries, and which entries a resource definition holds.</summary>
public static class ResourceIndexKeys
{
    /// <summary>The entry of the service called <paramref name="name"/> (case and surrounding spaces ignored).</summary>
    public static string ServiceName(string name) => "service-name/" + NormalizeName(name);

    /// <summary>The entry of the mentor resource owned by <paramref name="userId"/>.</summary>
    public static string MentorOwner(string userId) => "mentor-owner/" + userId;

    /// <summary>
    /// The entries <paramref name="definition"/> should hold: an active service its name, an active mentor with an owner
    /// its owner. Other kinds are not indexed (a parking site's hundreds of slots would all write one entry).
    /// </summary>
    public static IReadOnlyList<string> For(ResourceDefinition? definition) => definition switch
    {
        null or { Active: false } => [],
        { Kind: ResourceKind.Service } when !string.IsNullOrWhiteSpace(definition.Name) => [ServiceName(definition.Name)],
        { Kind: ResourceKind.Mentor, OwnerId: { Length: > 0 } owner } => [MentorOwner(owner)],
        _ => [],
    };

    private static string NormalizeName(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
}
