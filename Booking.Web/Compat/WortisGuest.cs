using System.Security.Cryptography;
using System.Text;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Compat;

/// <summary>
/// Wortis books without accounts: a person is their email address. The engine books for a user id, so each address maps
/// to a stable guest id (never an account id, so Wortis routes can neither see nor cancel an account's bookings, and the
/// address itself is not the key of the user-day grain that keeps one person from double-booking).
/// </summary>
internal static class WortisGuest
{
    private const string Prefix = "guest_";

    /// <summary>The guest user id of <paramref name="email"/> (case and surrounding spaces ignored).</summary>
    public static string UserId(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(AccountEmail.Normalize(email)));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
