namespace Booking.Grains.Messages;

/// <summary>A page of mail deliveries.</summary>
public sealed record MailPage
{
    public required IReadOnlyList<MailDelivery> Items { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    public required long Total { get; init; }
}
