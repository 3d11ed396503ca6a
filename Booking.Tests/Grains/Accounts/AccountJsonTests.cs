using System.Text.Json;
using Booking.Grains.Accounts;
using Booking.Grains.Interfaces.Accounts;
using Booking.Silo.Storage;

namespace Booking.Tests.Grains.Accounts;

/// <summary>Account states and messages keep their JSON names: stored states written today must read back tomorrow.</summary>
public sealed class AccountJsonTests
{
    private static readonly DateTimeOffset At = new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly JsonGrainStateSerializer Serializer = new();

    [Fact]
    public void The_account_state_round_trips_with_its_stable_names()
    {
        var state = new UserAccountState
        {
            Id = "0123456789abcdef0123456789abcdef",
            Email = "ada@example.com",
            FirstName = "Ada",
            LastName = "Lovelace",
            Phone = "+44 20",
            Role = UserRole.Provider,
            PasswordHash = "pbkdf2-sha256$600000$c2FsdA==$aGFzaA==",
            CreatedAt = At,
            UpdatedAt = At,
            PasswordChangedAt = At,
            Sessions = [new AccountSession { Id = "s1", RefreshTokenHash = "h1", RotatedTokenHashes = ["h0"], CreatedAt = At, RefreshedAt = At, ExpiresAt = At.AddDays(14) }],
            RevokedAccessTokens = [new RevokedAccessToken { Id = "jti", ExpiresAt = At.AddMinutes(15) }],
            PasswordReset = new PasswordResetTicket { TokenHash = "r", ExpiresAt = At.AddMinutes(30) },
        };

        var json = Serializer.Serialize(state);
        var back = Serializer.Deserialize<UserAccountState>(json);

        Assert.Equal(Serializer.Serialize(back), json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("provider", root.GetProperty("role").GetString());
        Assert.Equal("h0", root.GetProperty("sessions")[0].GetProperty("rotatedTokenHashes")[0].GetString());
        foreach (var name in new[] { "id", "email", "firstName", "lastName", "phone", "passwordHash", "createdAt", "updatedAt", "passwordChangedAt", "revokedAccessTokens", "passwordReset", "anonymised", "anonymisedAt" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void The_other_account_states_round_trip()
    {
        AssertRoundTrip(new EmailIndexState { UserId = "u", ClaimedAt = At }, "userId", "claimedAt");
        AssertRoundTrip(new AuthSettingsState { SigningKey = "k", CreatedAt = At }, "signingKey", "createdAt");
        AssertRoundTrip(new UserDirectoryState { Entries = [Entry()] }, "entries");
    }

    [Fact]
    public void Account_messages_round_trip_with_their_names()
    {
        var profile = new AccountProfile { Id = "u", Email = "e@example.com", FirstName = "F", LastName = "L", Role = UserRole.Admin, CreatedAt = At, UpdatedAt = At };
        AssertRoundTrip(profile, "id", "email", "firstName", "lastName", "phone", "role", "createdAt", "updatedAt");
        AssertRoundTrip(new NewAccount { UserId = "u", Email = "e@example.com", Password = "p", FirstName = "F", LastName = "L" }, "userId", "password", "role");
        AssertRoundTrip(new IssuedSession { UserId = "u", Email = "e", Role = UserRole.Member, SessionId = "s", RefreshToken = "t", RefreshTokenExpiresAt = At }, "sessionId", "refreshToken", "refreshTokenExpiresAt");
        AssertRoundTrip(new AccessTokenStatus { Active = true, Role = UserRole.Member }, "active", "role");
        AssertRoundTrip(new ProfileUpdate { FirstName = "F", LastName = "L", Phone = "1" }, "firstName", "lastName", "phone");
        AssertRoundTrip(new UserDirectoryPage { Items = [Entry()], Page = 1, PageSize = 20, Total = 1 }, "items", "page", "pageSize", "total");
        AssertRoundTrip(
            new AccountExport { ExportedAt = At, Profile = profile, PasswordChangedAt = At, Sessions = [new SessionSummary { Id = "s", CreatedAt = At, RefreshedAt = At, ExpiresAt = At }], Mail = [Mail()] },
            "exportedAt", "profile", "passwordChangedAt", "sessions", "mail");
    }

    [Fact]
    public void Records_that_carry_secrets_do_not_print_them()
    {
        Assert.DoesNotContain("s3cret", new NewAccount { UserId = "u", Email = "e", Password = "s3cret", FirstName = "F", LastName = "L" }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", new IssuedSession { UserId = "u", Email = "e", Role = UserRole.Member, SessionId = "s", RefreshToken = "s3cret", RefreshTokenExpiresAt = At }.ToString(), StringComparison.Ordinal);
    }

    private static OutgoingMail Mail() => new() { Id = "m", Kind = OutgoingMail.PasswordResetKind, To = "e@example.com", Subject = "s", Body = "b", CreatedAt = At };

    private static UserDirectoryEntry Entry() => new() { Id = "u", Email = "e@example.com", FirstName = "F", LastName = "L", Role = UserRole.Member, CreatedAt = At };

    private static void AssertRoundTrip<T>(T value, params string[] names)
    {
        var json = Serializer.Serialize(value);
        var back = Serializer.Deserialize<T>(json);
        Assert.Equal(json, Serializer.Serialize(back));
        using var document = JsonDocument.Parse(json);
        foreach (var name in names)
        {
            Assert.True(document.RootElement.TryGetProperty(name, out _), $"{typeof(T).Name} lacks '{name}'");
        }
    }
}
