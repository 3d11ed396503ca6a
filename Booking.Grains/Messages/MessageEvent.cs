using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Messages;

/// <summary>
/// Something people must be told about (a booking made or cancelled, a password-reset code), recorded durably with the
/// change that caused it. A dispatcher later turns each event into deliveries (mails, reminders) and sends them.
/// </summary>
public sealed record MessageEvent
{
    /// <summary>Stable and unique per event (<c>{bookingId}.{what}</c> for bookings): recording it twice records it once.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>One of <see cref="MessageEventKinds"/>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("occurredAt")]
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The person concerned: the booker, or the account holder.</summary>
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    /// <summary>The booking as the change left it (booking events only).</summary>
    [JsonPropertyName("booking")]
    public BookingRecord? Booking { get; init; }

    /// <summary>The resource as the deciding grain knew it (booking events only).</summary>
    [JsonPropertyName("resource")]
    public MessageResource? Resource { get; init; }

    /// <summary>The iCalendar SEQUENCE of the booking's event after this change (0 when made, higher after each change).</summary>
    [JsonPropertyName("sequence")]
    public int Sequence { get; init; }

    /// <summary>Where and how to write to the account holder, for account events (the grain that records them knows it).</summary>
    [JsonPropertyName("recipient")]
    public MessageRecipient? Recipient { get; init; }

    /// <summary>Values a template needs beyond the above (a reset code and its expiry).</summary>
    [JsonPropertyName("data")]
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}
