using System.Net;
using System.Net.Http.Json;

namespace Booking.Tests.Api.Compat;

/// <summary>Engine accounts for the seed replays: registered and signed in through /api/v1/auth, promoted by the first admin.</summary>
internal static class CompatAccounts
{
    public const string Password = "correct-horse-battery";

    /// <summary>Registers a member and signs in.</summary>
    public static async Task<SignedInUser> SignUpAsync(this HttpClient client, string? email = null)
    {
        email ??= CompatHttp.NewEmail();
        var registered = await (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, firstName = "Ada", lastName = "Lovelace" }))
            .JsonAsync(HttpStatusCode.Created);
        return new SignedInUser(registered.Str("id"), email, await client.SignInAsync(email, Password));
    }

    public static async Task<string> SignInAsync(this HttpClient client, string email, string password)
    {
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password })).JsonAsync(HttpStatusCode.OK);
        return tokens.Str("accessToken");
    }

    /// <summary>Registers a user, and has the first admin give them <paramref name="role"/>.</summary>
    public static async Task<SignedInUser> SignUpAsAsync(this HttpClient client, CompatApiFixture fixture, string role)
    {
        var user = await client.SignUpAsync();
        var admin = await client.SignInAsync(fixture.AdminEmail, CompatApiFixture.AdminPassword);
        await (await client.SendAsync(HttpMethod.Put, $"/api/v1/users/{user.Id}/role", new { role }, admin)).JsonAsync(HttpStatusCode.OK);
        return user;
    }
}
