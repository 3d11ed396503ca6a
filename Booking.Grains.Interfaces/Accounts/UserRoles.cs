namespace Booking.Grains.Interfaces.Accounts;

/// <summary>The wire names of <see cref="UserRole"/>, as they appear in tokens and request bodies.</summary>
public static class UserRoles
{
    public const string Member = "member";

    public const string Provider = "provider";

    public const string Admin = "admin";

    /// <summary>Every role name, lowest privilege first.</summary>
    public static IReadOnlyList<string> All { get; } = [Member, Provider, Admin];

    /// <summary>The wire name of <paramref name="role"/>.</summary>
    public static string Name(UserRole role) => role switch
    {
        UserRole.Member => Member,
        UserRole.Provider => Provider,
        UserRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Parses a wire name (exact, lower case).</summary>
    public static bool TryParse(string? name, out UserRole role)
    {
        (var known, role) = name switch
        {
            Member => (true, UserRole.Member),
            Provider => (true, UserRole.Provider),
            Admin => (true, UserRole.Admin),
            _ => (false, UserRole.Member),
        };
        return known;
    }
}
