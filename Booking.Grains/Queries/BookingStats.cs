using System.Text.Json.Serialization;

namespace Booking.Grains.Queries;

/// <summary>
/// Figures of one resource over a range of local dates, from its bookings rows. A hold that was released or expired
/// without becoming a booking counts nowhere; a hold still pending counts in <see cref="PendingHolds"/> only.
/// </summary>
public sealed record BookingStats
{
    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("from")]
    public required DateOnly From { get; init; }

    [JsonPropertyName("to")]
    public required DateOnly To { get; init; }

    /// <summary>Bookings made (confirmed at some point), whatever became of them since.</summary>
    [JsonPropertyName("bookings")]
    public long Bookings { get; init; }

    /// <summary>Bookings still confirmed.</summary>
    [JsonPropertyName("confirmed")]
    public long Confirmed { get; init; }

    [JsonPropertyName("completed")]
    public long Completed { get; init; }

    /// <summary>Bookings cancelled (by the booker, the owner or an admin).</summary>
    [JsonPropertyName("cancellations")]
    public long Cancellations { get; init; }

    [JsonPropertyName("noShows")]
    public long NoShows { get; init; }

    /// <summary>Holds not yet confirmed, released or expired.</summary>
    [JsonPropertyName("pendingHolds")]
    public long PendingHolds { get; init; }

    /// <summary>Minutes booked by confirmed and completed bookings (a no-show's time was given back).</summary>
    [JsonPropertyName("occupiedMinutes")]
    public long OccupiedMinutes { get; init; }
}
