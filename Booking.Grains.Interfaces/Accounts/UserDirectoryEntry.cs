using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>One line of the user directory: enough for an admin to find a user and their role.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.UserDirectoryEntry")]
public sealed record UserDirectoryEntry
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("email")]
    public required string Email { get; init; }

    [JsonPropertyName("firstName")]
    public required string FirstName { get; init; }

    [JsonPropertyName("lastName")]
    public required string LastName { get; init; }

    [JsonPropertyName("role")]
    public required UserRole Role { get; init; }

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The directory line of <paramref name="profile"/>.</summary>
    public static UserDirectoryEntry From(AccountProfile profile) => new()
    {
        Id = profile.Id,
        Email = profile.Email,
        FirstName = profile.FirstName,
        LastName = profile.LastName,
        Role = profile.Role,
        CreatedAt = profile.CreatedAt,
    };
}
