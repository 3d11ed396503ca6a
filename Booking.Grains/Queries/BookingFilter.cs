using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Queries;

/// <summary>Which rows of the bookings table a search, a stream or an export covers: every criterion given must hold.</summary>
public sealed record BookingFilter
{
    /// <summary>Only this booker's rows; null for any booker.</summary>
    public string? UserId { get; init; }

    /// <summary>
    /// Only rows of these resources (say, a provider's resources); null for any resource. An empty list matches nothing, so
    /// a provider who owns no resource sees no bookings rather than everyone's.
    /// </summary>
    public IReadOnlyList<string>? ResourceIds { get; init; }

    /// <summary>Only rows in one of these statuses; null for any status. An empty list matches nothing.</summary>
    public IReadOnlyList<BookingStatus>? Statuses { get; init; }

    /// <summary>The first local date included (the booking's date in its resource's time zone); null for no lower bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last local date included; null for no upper bound.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Whether <paramref name="booking"/> matches: the same test every implementation applies in SQL.</summary>
    public bool Matches(BookingRecord booking) =>
        (UserId is null || booking.UserId == UserId)
        && (ResourceIds is null || ResourceIds.Contains(booking.ResourceId, StringComparer.Ordinal))
        && (Statuses is null || Statuses.Contains(booking.Status))
        && (From is null || booking.Date >= From)
        && (To is null || booking.Date <= To);
}
