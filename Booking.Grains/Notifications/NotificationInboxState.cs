using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Notifications;

namespace Booking.Grains.Notifications;

/// <summary>The persisted inbox: notifications oldest first.</summary>
internal sealed class NotificationInboxState
{
    [JsonPropertyName("items")]
    public List<NotificationRecord> Items { get; set; } = [];
}
