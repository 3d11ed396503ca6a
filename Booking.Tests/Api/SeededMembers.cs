using Booking.Grains.Accounts;
using Booking.Grains.Interfaces.Accounts;
using Booking.Silo.Storage;
using Booking.Tests.Support;
using Booking.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Booking.Tests.Api;

/// <summary>
/// Many signed-in members at once, for load tests over HTTP. Registering and signing in through the API costs two
/// PBKDF2 derivations at 600,000 iterations per user, which would dominate a test of hundreds of users; so the accounts are
/// written straight into the host's grain storage (as the account grain would write them: one shared password hash,
/// derived once, and an open session each), and their access tokens are issued by the host's own issuer. Everything
/// after that (token validation against the account grain, booking) is the production path.
/// </summary>
internal static class SeededMembers
{
    public const string Password = "seeded-member-password";

    private const string AccountStateName = "account";

    public static Task<IReadOnlyList<SignedIn>> CreateAsync(ApiHost host, int count) =>
        CreateAsync(host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default), host.Services.GetRequiredService<AccessTokenIssuer>(), count);

    /// <summary>The same, written through <paramref name="storage"/> (the storage the API's silos use) and signed by <paramref name="issuer"/> (with the API's signing key).</summary>
    public static async Task<IReadOnlyList<SignedIn>> CreateAsync(IGrainStorage storage, AccessTokenIssuer issuer, int count)
    {
        var passwordHash = PasswordHasher.Hash(Password);
        var now = DateTimeOffset.UtcNow;
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var userId = UserId.New();
            var email = $"member-{i}-{userId}@example.com";
            var refreshToken = AccountToken.Create(userId, SecretToken.NewSecret());
            var session = new AccountSession
            {
                Id = Guid.NewGuid().ToString("N"),
                RefreshTokenHash = SecretToken.Hash(refreshToken),
                CreatedAt = now,
                RefreshedAt = now,
                ExpiresAt = now.AddDays(1),
            };
            var account = new UserAccountState
            {
                Id = userId,
                Email = email,
                FirstName = "Member",
                LastName = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Role = UserRole.Member,
                PasswordHash = passwordHash,
                CreatedAt = now,
                UpdatedAt = now,
                PasswordChangedAt = now,
                Sessions = [session],
            };
            await storage.WriteStateAsync(AccountStateName, GrainId.Create("user-account", userId), new TestGrainState<UserAccountState>(account));
            var tokens = issuer.Issue(new IssuedSession
            {
                UserId = userId,
                Email = email,
                Role = UserRole.Member,
                SessionId = session.Id,
                RefreshToken = refreshToken,
                RefreshTokenExpiresAt = session.ExpiresAt,
            });
            return new SignedIn(new RegisteredAccount(userId, email, Password), new Tokens(tokens.AccessToken, tokens.RefreshToken));
        }));
    }
}
