using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>An account to create. The password travels in clear only as far as the account grain, which keeps its hash.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.NewAccount")]
public sealed record NewAccount
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("email")]
    public required string Email { get; init; }

    [JsonPropertyName("password")]
    public required string Password { get; init; }

    [JsonPropertyName("firstName")]
    public required string FirstName { get; init; }

    [JsonPropertyName("lastName")]
    public required string LastName { get; init; }

    [JsonPropertyName("role")]
    public UserRole Role { get; init; } = UserRole.Member;

    /// <summary>The language mails are written in (<c>fr</c> or <c>en</c>); French when absent.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Never in logs: the default record printer would show the password.</summary>
    public override string ToString() => $"NewAccount {{ UserId = {UserId}, Email = {Email}, Role = {Role} }}";
}
