using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>What a user-day grain remembers of one of the user's bookings or in-flight leases.</summary>
internal sealed record UserDayEntry(
    string BookingId,
    string ResourceId,
    ResourceKind Kind,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string? Period,
    DateTimeOffset? ExpiresAt)
{
    public static UserDayEntry FromBooking(BookingRecord booking) => new(
        booking.Id,
        booking.ResourceId,
        booking.ResourceKind,
        booking.StartUtc,
        booking.EndUtc,
        booking.Period,
        booking.Status == BookingStatus.Pending ? booking.HoldExpiresAt : null);

    public static UserDayEntry FromLease(UserLeaseRequest lease, DateTimeOffset expiresAt) => new(
        lease.LeaseId,
        lease.ResourceId,
        lease.ResourceKind,
        lease.StartUtc,
        lease.EndUtc,
        lease.Period,
        expiresAt);

    public bool IsLiveAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
