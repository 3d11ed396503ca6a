using Booking.Tests.Api;

namespace Booking.Tests.Security;

/// <summary>
/// Who owns what in the security tests: a provider with a service and a mentor resource, another provider with a
/// service of their own, a member with a booking, a mentoring session, a hold and a notification, a stranger who owns
/// nothing, a parking site, and a member whose session the tests may end.
/// </summary>
internal sealed record SecurityWorld
{
    public required Tokens Admin { get; init; }

    public required string AdminId { get; init; }

    public required SignedIn Provider { get; init; }

    public required SignedIn OtherProvider { get; init; }

    public required SignedIn Member { get; init; }

    public required SignedIn Stranger { get; init; }

    /// <summary>A member whose tokens a test may revoke (sign-out), so that the others stay usable.</summary>
    public required SignedIn Sacrificial { get; init; }

    /// <summary>The provider's service, on which the member has a booking and a hold.</summary>
    public required string ServiceId { get; init; }

    public required string OtherServiceId { get; init; }

    /// <summary>The provider's mentor resource, with which the member has a session.</summary>
    public required string MentorId { get; init; }

    public required string BookingId { get; init; }

    public required string SessionId { get; init; }

    public required string HoldId { get; init; }

    public required string SiteId { get; init; }

    /// <summary>The member's place on the site (a FlexPark reservation).</summary>
    public required string ParkingBookingId { get; init; }

    public required string NotificationId { get; init; }

    /// <summary>The date (YYYY-MM-DD) of the member's booking, session and hold.</summary>
    public required string Date { get; init; }
}
