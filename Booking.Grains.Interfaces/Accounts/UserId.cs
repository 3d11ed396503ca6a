namespace Booking.Grains.Interfaces.Accounts;

/// <summary>User ids: a GUID in its 32-digit lower-case form (<c>"N"</c>), the key of the user's account grain.</summary>
public static class UserId
{
    /// <summary>A new random user id.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="value"/> has the form of a user id (checked before a grain is activated for it).</summary>
    public static bool IsValid(string? value) =>
        value is { Length: 32 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
