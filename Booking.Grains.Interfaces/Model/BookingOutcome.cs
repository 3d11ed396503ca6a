using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>The answer to a booking command: the booking, or the rule it broke.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.BookingOutcome")]
public sealed record BookingOutcome
{
    [JsonPropertyName("booking")]
    public BookingRecord? Booking { get; init; }

    [JsonPropertyName("error")]
    public BookingError? Error { get; init; }

    /// <summary>True when this is the stored answer to an earlier request with the same idempotency key.</summary>
    [JsonPropertyName("replayed")]
    public bool Replayed { get; init; }

    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Booking))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Booking is not null;

    public static BookingOutcome Success(BookingRecord booking) => new() { Booking = booking };

    public static BookingOutcome Failure(BookingError error) => new() { Error = error };

    public static BookingOutcome Failure(string code, string message) => new() { Error = BookingError.Of(code, message) };
}
