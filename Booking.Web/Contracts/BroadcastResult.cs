using System.Text.Json.Serialization;

namespace Booking.Web.Contracts;

/// <summary>How many inboxes a broadcast reached.</summary>
public sealed record BroadcastResult([property: JsonPropertyName("recipients")] int Recipients);
