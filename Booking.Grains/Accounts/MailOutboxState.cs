using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Grains.Accounts;

/// <summary>The stored state of <see cref="MailOutboxGrain"/>, newest message first.</summary>
internal sealed record MailOutboxState
{
    [JsonPropertyName("messages")]
    public IReadOnlyList<OutgoingMail> Messages { get; init; } = [];
}
