namespace Booking.Grains.Messages;

/// <summary>Which mail deliveries to list; null means any.</summary>
public sealed record MailFilter
{
    /// <summary>The recipient's user id.</summary>
    public string? UserId { get; init; }

    /// <summary>One of <see cref="DeliveryStatuses"/>.</summary>
    public string? Status { get; init; }
}
