using System.Net;
using System.Net.Http.Json;
using Booking.Tests.Api;

namespace Booking.Tests.Security;

/// <summary>
/// Guessing is throttled both ways: one email address after 5 failures whichever clients they came from, and one client
/// after its allowance on the credential routes whichever addresses it tried; everyone else signs in as usual.
/// </summary>
public sealed class LoginThrottlingTests(ThrottleFixture fixture) : IClassFixture<ThrottleFixture>
{
    [Fact]
    public async Task Failed_sign_ins_on_one_account_from_many_clients_get_429_with_retry_after_even_for_the_right_password()
    {
        var victim = await fixture.NewClient().RegisterAsync();
        for (var i = 0; i < ThrottleFixture.PerAccount; i++)
        {
            var failed = await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = "guess-" + i });
            await failed.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var throttled = await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email.ToUpperInvariant(), password = victim.Password });

        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(throttled.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 15 * 60);

        // Another account, from a fresh client and from one of the clients that took part: unaffected.
        var other = await fixture.NewClient().RegisterAsync();
        await fixture.NewClient().LoginAsync(other.Email, other.Password);
    }

    [Theory]
    [InlineData("/auth/login")]
    [InlineData("/api/auth/login")]
    public async Task The_seed_applications_sign_in_routes_share_the_throttle_of_an_address(string seedLogin)
    {
        var victim = await fixture.NewClient().RegisterAsync();
        for (var i = 0; i < ThrottleFixture.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = "guess-" + i })).StatusCode);
        }

        var throttled = await fixture.NewClient().PostAsJsonAsync(seedLogin, new { email = victim.Email, password = victim.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 15 * 60);
    }

    [Fact]
    public async Task An_address_without_an_account_is_throttled_exactly_like_one_with_an_account()
    {
        var known = await fixture.NewClient().RegisterAsync();
        var unknown = ApiClient.NewEmail("nobody");

        var knownAnswers = await FailRepeatedlyAsync(known.Email);
        var unknownAnswers = await FailRepeatedlyAsync(unknown);

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Equal(HttpStatusCode.TooManyRequests, knownAnswers[^1]);
    }

    [Fact]
    public async Task A_successful_sign_in_clears_the_count_of_failures()
    {
        var account = await fixture.NewClient().RegisterAsync();
        for (var i = 0; i < ThrottleFixture.PerAccount - 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "wrong-password" })).StatusCode);
        }

        await fixture.NewClient().LoginAsync(account.Email, account.Password);

        for (var i = 0; i < ThrottleFixture.PerAccount - 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "wrong-password" })).StatusCode);
        }

        await fixture.NewClient().LoginAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task Repeated_failures_from_one_client_get_429_with_retry_after_while_other_clients_sign_in()
    {
        var bystander = await fixture.NewClient().RegisterAsync();
        var attacker = fixture.NewClient();
        for (var i = 0; i < ThrottleFixture.PerClient; i++)
        {
            var failed = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiClient.NewEmail("guess"), password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var throttled = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = bystander.Email, password = bystander.Password });

        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(throttled.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        await fixture.NewClient().LoginAsync(bystander.Email, bystander.Password);
    }

    private async Task<List<HttpStatusCode>> FailRepeatedlyAsync(string email)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ThrottleFixture.PerAccount; i++)
        {
            statuses.Add((await fixture.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password" })).StatusCode);
        }

        return statuses;
    }
}
