using System.Globalization;
using System.Security.Cryptography;

namespace Booking.Grains.Accounts;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes, stored as <c>pbkdf2-sha256$iterations$salt$hash</c> (base64) so the work factor
/// can be raised later without invalidating existing hashes.
/// </summary>
internal static class PasswordHasher
{
    /// <summary>OWASP's 2023 minimum for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 600_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltSize = 16;
    private const int HashSize = 32;

    // A stored hash claiming more work than this is treated as corrupt rather than run.
    private const int MaxIterations = 10_000_000;

    private static readonly byte[] DummySalt = RandomNumberGenerator.GetBytes(SaltSize);

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="encoded"/>; the comparison takes the same time wherever the bytes differ.</summary>
    public static bool Verify(string password, string encoded)
    {
        if (!TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            SimulateVerify(password);
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
    }

    /// <summary>Does the work of a verification against nothing, so a missing account answers no faster than a wrong password.</summary>
    public static void SimulateVerify(string password) => Derive(password, DummySalt, Iterations);

    /// <summary>Whether the hash was made with less work than is used now.</summary>
    public static bool NeedsRehash(string encoded) =>
        !TryParse(encoded, out var iterations, out _, out _) || iterations < Iterations;

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashSize);

    private static bool TryParse(string encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = encoded.Split('$');
        if (parts.Length != 4
            || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < 1 or > MaxIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length == HashSize;
    }
}
