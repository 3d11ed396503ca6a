namespace Booking.Bench.Targets.Http;

/// <summary>How to reach a running Booking.Web for the <c>http</c> target.</summary>
internal sealed record HttpTargetOptions
{
    public required Uri Url { get; init; }

    /// <summary>Connection string of Booking.Web's PostgreSQL database, for the audit of its <c>bookings</c> table.</summary>
    public required string WebDatabase { get; init; }

    /// <summary>The admin Booking.Web bootstraps (<c>Booking__Admin__Email</c>/<c>Password</c>): creates the resources.</summary>
    public required string AdminEmail { get; init; }

    public required string AdminPassword { get; init; }

    /// <summary>Where the employees' access tokens are kept between runs (each costs a PBKDF2 sign-up and sign-in to get).</summary>
    public required string TokenCache { get; init; }
}
