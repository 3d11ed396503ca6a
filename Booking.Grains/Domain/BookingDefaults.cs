namespace Booking.Grains.Domain;

/// <summary>Fixed numbers of the booking engine's behaviour.</summary>
public static class BookingDefaults
{
    /// <summary>How long a hold keeps its slot when the client does not say.</summary>
    public static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a user-day lease lives without being confirmed or released. Far longer than a state write
    /// should take; a lease that outlives it makes the user-day grain re-read the committed bookings.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>How many free slots a <c>slot_unavailable</c> answer suggests.</summary>
    public const int MaxAlternatives = 3;

    /// <summary>The longest range an availability query may cover, in days.</summary>
    public const int MaxAvailabilityDays = 31;

    /// <summary>
    /// A site-day grain that finds every slot taken re-reads the slots' occupancy at most this often, so bookings
    /// freed behind its back (direct cancellations) become assignable without a storm of reads in a rush.
    /// </summary>
    public static readonly TimeSpan SiteRefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>The <c>cancelledBy</c> of a hold released because it expired.</summary>
    public const string SystemUser = "system";
}
