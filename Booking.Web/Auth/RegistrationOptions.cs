using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Auth;

/// <summary>Who may register themselves (<c>Booking:Auth:AllowedEmailDomains</c>).</summary>
internal sealed class RegistrationOptions
{
    /// <summary>Lower-case domains (without <c>@</c>) allowed to self-register; empty allows every domain.</summary>
    public IReadOnlyList<string> AllowedEmailDomains { get; init; } = [];

    /// <summary>Whether an address may self-register: its domain is on the list exactly (sub-domains are not implied).</summary>
    public bool Allows(string email) =>
        AllowedEmailDomains.Count == 0 || AllowedEmailDomains.Contains(AccountEmail.Domain(email), StringComparer.Ordinal);

    public static RegistrationOptions From(IConfiguration configuration) => new()
    {
        AllowedEmailDomains = [.. Configuration.ConfigurationLists.Read(configuration, "Booking:Auth:AllowedEmailDomains").Select(d => d.TrimStart('@').ToLowerInvariant())],
    };
}
