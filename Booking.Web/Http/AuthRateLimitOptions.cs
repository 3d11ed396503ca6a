namespace Booking.Web.Http;

/// <summary>How many credential requests one client address may make per window.</summary>
internal sealed class AuthRateLimitOptions
{
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
