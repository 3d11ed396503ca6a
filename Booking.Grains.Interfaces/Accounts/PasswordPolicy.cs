namespace Booking.Grains.Interfaces.Accounts;

/// <summary>What a password must be; checked at the API's edge and again by the account grain.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;

    /// <summary>A bound on the work one password can cost the hasher.</summary>
    public const int MaxLength = 128;

    /// <summary>Null when <paramref name="password"/> is acceptable, otherwise what is wrong with it.</summary>
    public static string? Check(string? password) => password switch
    {
        null => "A password is required.",
        { Length: < MinLength } => $"The password must be at least {MinLength} characters long.",
        { Length: > MaxLength } => $"The password must be at most {MaxLength} characters long.",
        _ => null,
    };
}
