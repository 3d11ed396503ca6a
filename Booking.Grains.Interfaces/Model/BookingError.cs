using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A refused command: a stable <see cref="BookingErrorCodes">code</see>, a message saying what is wrong, and nearby free slots when the slot was taken.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.BookingError")]
public sealed record BookingError
{
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>Up to three nearest free slots (filled for <c>slot_unavailable</c>).</summary>
    [JsonPropertyName("alternatives")]
    public IReadOnlyList<FreeSlot> Alternatives { get; init; } = [];

    public static BookingError Of(string code, string message) => new() { Code = code, Message = message };
}
