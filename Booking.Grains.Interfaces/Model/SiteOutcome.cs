using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>The answer to a site change: the stored site, or why the change was refused.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.SiteOutcome")]
public sealed record SiteOutcome
{
    [JsonPropertyName("site")]
    public SiteDefinition? Site { get; init; }

    [JsonPropertyName("error")]
    public BookingError? Error { get; init; }

    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Site))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Site is not null;

    public static SiteOutcome Success(SiteDefinition site) => new() { Site = site };

    public static SiteOutcome Failure(string code, string message) => new() { Error = BookingError.Of(code, message) };
}
