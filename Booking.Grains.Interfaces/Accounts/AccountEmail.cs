using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>The rules for account email addresses, shared by request validation and the account grains.</summary>
public static class AccountEmail
{
    /// <summary>The longest address accepted (RFC 5321's path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>Trimmed and lower case, so one mailbox maps to one account.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// The key of the address's <see cref="IEmailIndexGrain"/>: the SHA-256 (hex) of its normalized form. Grain keys stay in
    /// storage after the state is cleared, so the address itself is never one: an anonymised account leaves no email behind.
    /// </summary>
    public static string IndexKey(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(email))));

    /// <summary>
    /// A single plain address <c>local@domain.tld</c>: no display name, no spaces, a dot in the domain.
    /// Stricter than <see cref="MailAddress"/>, which also accepts <c>"Name" &lt;a@b&gt;</c>.
    /// </summary>
    public static bool IsValid([NotNullWhen(true)] string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var trimmed = email.Trim();
        if (trimmed.Length > MaxLength || trimmed.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(trimmed, out var address))
        {
            return false;
        }

        var at = trimmed.LastIndexOf('@');
        var domain = trimmed[(at + 1)..];
        return address.Address == trimmed
            && at > 0
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.');
    }

    /// <summary>The part after the <c>@</c>, lower case.</summary>
    public static string Domain(string email)
    {
        var normalized = Normalize(email);
        return normalized[(normalized.LastIndexOf('@') + 1)..];
    }
}
