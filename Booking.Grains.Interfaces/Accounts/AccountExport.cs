using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>Everything the engine keeps about a user's account, for the user to take away (no password or token hashes).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.AccountExport")]
public sealed record AccountExport
{
    [JsonPropertyName("exportedAt")]
    public required DateTimeOffset ExportedAt { get; init; }

    [JsonPropertyName("profile")]
    public required AccountProfile Profile { get; init; }

    [JsonPropertyName("passwordChangedAt")]
    public required DateTimeOffset PasswordChangedAt { get; init; }

    [JsonPropertyName("sessions")]
    public required IReadOnlyList<SessionSummary> Sessions { get; init; }

    [JsonPropertyName("mail")]
    public required IReadOnlyList<OutgoingMail> Mail { get; init; }
}
