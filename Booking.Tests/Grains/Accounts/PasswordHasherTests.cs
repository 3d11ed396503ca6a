using Booking.Grains.Accounts;

namespace Booking.Tests.Grains.Accounts;

public sealed class PasswordHasherTests
{
    [Fact]
    public void A_hash_is_pbkdf2_sha256_with_at_least_600000_iterations_and_a_fresh_salt()
    {
        var first = PasswordHasher.Hash("correct horse");
        var second = PasswordHasher.Hash("correct horse");

        var parts = first.Split('$');
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 600_000);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("correct horse", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_accepts_the_password_and_refuses_any_other()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.True(PasswordHasher.Verify("correct horse", hash));
        Assert.False(PasswordHasher.Verify("correct hors", hash));
        Assert.False(PasswordHasher.Verify("Correct horse", hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$999999999$AAAA$AAAA")]
    public void A_malformed_stored_hash_never_verifies(string stored)
    {
        Assert.False(PasswordHasher.Verify("plain-text-password", stored));
        Assert.True(PasswordHasher.NeedsRehash(stored));
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_still_verifies_and_asks_to_be_redone()
    {
        var salt = new byte[16];
        var weak = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("pw-123456", salt, 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var stored = $"pbkdf2-sha256$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(weak)}";

        Assert.True(PasswordHasher.Verify("pw-123456", stored));
        Assert.True(PasswordHasher.NeedsRehash(stored));
        Assert.False(PasswordHasher.NeedsRehash(PasswordHasher.Hash("pw-123456")));
    }
}
