namespace Booking.Web.Auth;

/// <summary>How many failed sign-ins one account may take before it is throttled (<c>Booking:Auth:SignIn</c>).</summary>
internal sealed class SignInThrottleOptions
{
    public const string SectionName = "Booking:Auth:SignIn";

    /// <summary>Failures within <see cref="FailureWindow"/> after which every sign-in to the account waits.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a failure counts; the account is free again once its oldest counted failure is this old.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
