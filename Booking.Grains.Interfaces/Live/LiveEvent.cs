using Booking.Grains.Interfaces.Notifications;

namespace Booking.Grains.Interfaces.Live;

/// <summary>What changed, as a live source tells its subscribers: enough for a page to redraw or to know what to read again.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.LiveEvent")]
public sealed record LiveEvent
{
    /// <summary>One of <see cref="LiveEventKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The parking site whose slot changed (<see cref="LiveEventKinds.Slots"/>).</summary>
    public string? SiteId { get; init; }

    /// <summary>The slot (a parking_slot resource) whose bookings changed (<see cref="LiveEventKinds.Slots"/>).</summary>
    public string? ResourceId { get; init; }

    /// <summary>The local date the change is on (<see cref="LiveEventKinds.Slots"/>).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The new notification (<see cref="LiveEventKinds.Notification"/>).</summary>
    public NotificationRecord? Notification { get; init; }

    /// <summary>The inbox's unread count after the change (<see cref="LiveEventKinds.Notification"/>, <see cref="LiveEventKinds.Unread"/>).</summary>
    public int? Unread { get; init; }
}
