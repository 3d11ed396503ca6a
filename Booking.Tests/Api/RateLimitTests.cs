using System.Net;
using System.Net.Http.Json;

namespace Booking.Tests.Api;

/// <summary>Repeated sign-in attempts from one client are cut off with 429 and Retry-After.</summary>
public sealed class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    [Fact]
    public async Task Repeated_failed_logins_get_429_with_retry_after()
    {
        var client = fixture.Host.CreateClient();
        var email = ApiClient.NewEmail();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= RateLimitFixture.PermitLimit; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password" });
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(RateLimitFixture.PermitLimit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = last!.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);

        // Routes outside the credential group are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
