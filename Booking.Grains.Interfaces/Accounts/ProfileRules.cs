namespace Booking.Grains.Interfaces.Accounts;

/// <summary>The content rules of profile fields, shared by request validation and the account grain.</summary>
public static class ProfileRules
{
    public const int MaxNameLength = 100;

    public const int MaxPhoneLength = 32;

    /// <summary>Digits, spaces and <c>+ - ( ) .</c>, with at least one digit, at most <see cref="MaxPhoneLength"/> characters.</summary>
    public static bool IsPhone(string phone) =>
        phone.Length <= MaxPhoneLength
        && phone.Any(char.IsAsciiDigit)
        && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
}
