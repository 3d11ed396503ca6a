namespace Booking.Web.Auth;

/// <summary>
/// A sign-in refused because its email address failed too often (<see cref="SignInThrottle"/>); answered as 429
/// <c>rate_limited</c> with Retry-After by the exception handler, on every route that signs in (the seeds' included).
/// </summary>
internal sealed class SignInThrottledException : Exception
{
    public SignInThrottledException()
    {
    }

    public SignInThrottledException(string message)
        : base(message)
    {
    }

    public SignInThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SignInThrottledException(TimeSpan retryAfter)
        : this($"Too many failed sign-ins for this email address; retry in {Seconds(retryAfter)} seconds.")
    {
        RetryAfterSeconds = Seconds(retryAfter);
    }

    /// <summary>Whole seconds to wait, at least 1.</summary>
    public int RetryAfterSeconds { get; } = 1;

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
