using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>
/// A request to book (or hold) a resource on a local date. The time is given in exactly one way:
/// <see cref="Start"/> + <see cref="End"/>, or <see cref="Period"/>, or <see cref="Start"/> + <see cref="DurationMinutes"/>.
/// With <see cref="HoldId"/> the time may be left out (the hold's is used).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.BookRequest")]
public sealed record BookRequest
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public TimeOnly? Start { get; init; }

    [JsonPropertyName("end")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public TimeOnly? End { get; init; }

    [JsonPropertyName("period")]
    public string? Period { get; init; }

    [JsonPropertyName("durationMinutes")]
    public int? DurationMinutes { get; init; }

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("details")]
    public IReadOnlyDictionary<string, string>? Details { get; init; }

    /// <summary>A repeat with the same key from the same user returns the first answer.</summary>
    [JsonPropertyName("idempotencyKey")]
    public string? IdempotencyKey { get; init; }

    /// <summary>Turns this user's pending hold into a confirmed booking.</summary>
    [JsonPropertyName("holdId")]
    public string? HoldId { get; init; }
}
