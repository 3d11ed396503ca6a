using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Booking.Grains.Accounts;

/// <summary>Random bearer secrets (refresh and reset tokens) and the SHA-256 hashes that are all the state keeps of them.</summary>
internal static class SecretToken
{
    /// <summary>256 random bits, base64url without padding.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
