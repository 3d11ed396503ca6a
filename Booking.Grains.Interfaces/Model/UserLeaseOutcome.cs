using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>The user-day grain's answer to a lease request: granted, or the conflict that prevents it.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.UserLeaseOutcome")]
public sealed record UserLeaseOutcome
{
    [JsonPropertyName("granted")]
    public required bool Granted { get; init; }

    /// <summary>A <c>user_conflict</c> error when not granted.</summary>
    [JsonPropertyName("error")]
    public BookingError? Error { get; init; }

    /// <summary>The booking (or lease) the request conflicts with.</summary>
    [JsonPropertyName("conflictingBookingId")]
    public string? ConflictingBookingId { get; init; }

    public static UserLeaseOutcome Grant() => new() { Granted = true };

    public static UserLeaseOutcome Conflict(string conflictingBookingId, string message) => new()
    {
        Granted = false,
        ConflictingBookingId = conflictingBookingId,
        Error = BookingError.Of(BookingErrorCodes.UserConflict, message),
    };
}
