namespace Booking.Grains.Accounts;

/// <summary>Lifetimes and limits of account sessions (<c>Booking:Auth</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Booking:Auth";

    /// <summary>How long a refresh token stays usable; each refresh starts a new period.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a password-reset token stays usable.</summary>
    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most concurrent sessions per account; signing in beyond it ends the least recently refreshed one.</summary>
    public int MaxSessions { get; set; } = 10;
}
