using Booking.Grains.Messages;

namespace Booking.Silo.Messages;

/// <summary>A delivery leased to this host.</summary>
internal sealed record ClaimedDelivery
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string UserId { get; init; }

    public string? BookingId { get; init; }

    /// <summary>Attempts made before this one.</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required MessageEvent Event { get; init; }

    public RenderedMail? Content { get; init; }
}
