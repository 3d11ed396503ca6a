namespace Booking.Grains.Interfaces.Model;

/// <summary>The stable error codes of booking commands; the API returns them as the problem's <c>code</c>.</summary>
public static class BookingErrorCodes
{
    /// <summary>The resource has no capacity left for (part of) the requested time.</summary>
    public const string SlotUnavailable = "slot_unavailable";

    /// <summary>The booker already holds an overlapping booking (or a parking place for that period).</summary>
    public const string UserConflict = "user_conflict";

    /// <summary>The time is not inside the resource's availability for that date.</summary>
    public const string OutsideAvailability = "outside_availability";

    /// <summary>The time has already started (a named period: has already ended).</summary>
    public const string InThePast = "in_the_past";

    /// <summary>The start is closer than the resource's minimum notice.</summary>
    public const string TooLateNotice = "too_late_notice";

    /// <summary>The date is further ahead than the resource's booking window.</summary>
    public const string BeyondBookingWindow = "beyond_booking_window";

    /// <summary>The length is not one of the resource's allowed durations.</summary>
    public const string InvalidDuration = "invalid_duration";

    /// <summary>The start or end is not on the resource's slot grid.</summary>
    public const string MisalignedSlot = "misaligned_slot";

    /// <summary>The local time does not exist (spring-forward gap) or happens twice (fall-back) in the resource's zone.</summary>
    public const string InvalidLocalTime = "invalid_local_time";

    /// <summary>The resource has been deactivated.</summary>
    public const string ResourceInactive = "resource_inactive";

    /// <summary>No such resource.</summary>
    public const string ResourceNotFound = "resource_not_found";

    /// <summary>Every slot of the parking site is taken for that period.</summary>
    public const string SiteFull = "site_full";

    /// <summary>The booking was already cancelled.</summary>
    public const string AlreadyCancelled = "already_cancelled";

    /// <summary>The cancellation cut-off has passed (owners and admins may still cancel).</summary>
    public const string CancellationClosed = "cancellation_closed";

    /// <summary>No such booking (or not visible to the caller).</summary>
    public const string NotFound = "not_found";

    /// <summary>The request is malformed or contradicts itself.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>The hold has expired; its slot may have been taken.</summary>
    public const string HoldExpired = "hold_expired";

    /// <summary>No such pending hold for this user.</summary>
    public const string HoldNotFound = "hold_not_found";

    /// <summary>The idempotency key was already used by this user for a different request.</summary>
    public const string IdempotencyConflict = "idempotency_conflict";

    /// <summary>The status change does not apply to the booking's current status or time.</summary>
    public const string InvalidStatusTransition = "invalid_status_transition";

    /// <summary>The caller may see the booking but not make this change (e.g. a booker marking a no-show).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>A resource or site with this id already exists.</summary>
    public const string AlreadyExists = "already_exists";

    /// <summary>The booker owns the mentor resource they asked to book (a session with oneself).</summary>
    public const string SelfBooking = "self_booking";

    /// <summary>No such parking site.</summary>
    public const string SiteNotFound = "site_not_found";
}
