namespace Booking.Tests.Bookings;

/// <summary>The columns of one <c>bookings</c> row as read straight from the table (not through the query).</summary>
public sealed record StoredBookingRow
{
    public required string Status { get; init; }

    public required string UserId { get; init; }

    public required string ResourceId { get; init; }

    public required string ResourceKind { get; init; }

    public required string ResourceGroup { get; init; }

    public int? Capacity { get; init; }

    public required DateOnly LocalDate { get; init; }

    public required TimeOnly LocalStart { get; init; }

    public required TimeOnly LocalEnd { get; init; }

    public required DateTimeOffset StartUtc { get; init; }

    public required DateTimeOffset EndUtc { get; init; }

    public required int DurationMinutes { get; init; }

    public string? Period { get; init; }

    public string? Subject { get; init; }

    public string? CancelledBy { get; init; }

    public string? CancelReason { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public string? HoldId { get; init; }

    public DateTimeOffset? HoldExpiresAt { get; init; }

    public string? IdempotencyKey { get; init; }

    public required string DetailsJson { get; init; }
}
