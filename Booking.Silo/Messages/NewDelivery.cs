using Booking.Grains.Messages;

namespace Booking.Silo.Messages;

/// <summary>A mail a dispatched event calls for.</summary>
internal sealed record NewDelivery
{
    /// <summary><c>{eventId}.{kind}.{recipient}</c> (reminders add their offset): stable, so dispatching twice adds one row.</summary>
    public required string Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>The recipient's user id.</summary>
    public required string UserId { get; init; }

    public string? BookingId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Now for most mails; the reminder time for reminders.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The event the mail tells of (the renderer's input).</summary>
    public required MessageEvent Event { get; init; }
}
