using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary><c>{"status": "sent", "recipients": n}</c>: how many inboxes received the message.</summary>
public sealed record FlexParkNotificationSent(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("recipients")] int Recipients);
