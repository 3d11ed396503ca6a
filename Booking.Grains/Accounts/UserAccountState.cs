using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Messages;

namespace Booking.Grains.Accounts;

/// <summary>The stored state of <see cref="UserAccountGrain"/>. Secrets appear only as hashes.</summary>
internal sealed record UserAccountState
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("email")]
    public string Email { get; init; } = "";

    [JsonPropertyName("firstName")]
    public string FirstName { get; init; } = "";

    [JsonPropertyName("lastName")]
    public string LastName { get; init; } = "";

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("role")]
    public UserRole Role { get; init; } = UserRole.Member;

    /// <summary>The language of the user's mails; accounts from before languages existed read as French.</summary>
    [JsonPropertyName("language")]
    public string Language { get; init; } = MessageLanguages.Default;

    /// <summary>See <see cref="PasswordHasher"/>; empty once anonymised.</summary>
    [JsonPropertyName("passwordHash")]
    public string PasswordHash { get; init; } = "";

    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset UpdatedAt { get; init; }

    [JsonPropertyName("passwordChangedAt")]
    public DateTimeOffset PasswordChangedAt { get; init; }

    [JsonPropertyName("sessions")]
    public IReadOnlyList<AccountSession> Sessions { get; init; } = [];

    /// <summary>Access-token ids revoked before their expiry (sign-out), kept until that expiry.</summary>
    [JsonPropertyName("revokedAccessTokens")]
    public IReadOnlyList<RevokedAccessToken> RevokedAccessTokens { get; init; } = [];

    [JsonPropertyName("passwordReset")]
    public PasswordResetTicket? PasswordReset { get; init; }

    /// <summary>The hash of the private calendar-feed token, when the user has one.</summary>
    [JsonPropertyName("calendarTokenHash")]
    public string? CalendarTokenHash { get; init; }

    [JsonPropertyName("anonymised")]
    public bool Anonymised { get; init; }

    [JsonPropertyName("anonymisedAt")]
    public DateTimeOffset? AnonymisedAt { get; init; }
}
