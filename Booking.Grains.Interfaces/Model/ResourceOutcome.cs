using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>The answer to a resource change: the stored definition, or why the change was refused.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ResourceOutcome")]
public sealed record ResourceOutcome
{
    [JsonPropertyName("resource")]
    public ResourceDefinition? Resource { get; init; }

    [JsonPropertyName("error")]
    public BookingError? Error { get; init; }

    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Resource))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Resource is not null;

    public static ResourceOutcome Success(ResourceDefinition resource) => new() { Resource = resource };

    public static ResourceOutcome Failure(BookingError error) => new() { Error = error };

    public static ResourceOutcome Failure(string code, string message) => new() { Error = BookingError.Of(code, message) };
}
