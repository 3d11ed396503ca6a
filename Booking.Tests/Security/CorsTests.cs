namespace Booking.Tests.Security;

/// <summary>Browsers may call the API from the configured origins only (Booking:Cors:Origins); no origin is allowed by default.</summary>
public sealed class CorsTests(CorsFixture fixture) : IClassFixture<CorsFixture>
{
    [Fact]
    public async Task A_preflight_from_the_configured_origin_is_allowed_and_exposes_retry_after_and_the_request_id()
    {
        var response = await PreflightAsync(fixture.Host.CreateClient(), CorsFixture.AllowedOrigin);

        Assert.Equal(CorsFixture.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var simple = await GetWithOriginAsync(fixture.Host.CreateClient(), CorsFixture.AllowedOrigin);
        var exposed = string.Join(",", simple.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("Retry-After", exposed, StringComparison.Ordinal);
        Assert.Contains("X-Request-Id", exposed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://app.example.com.evil.example")]
    [InlineData("http://app.example.com")]
    [InlineData("null")]
    public async Task Any_other_origin_gets_no_cors_grant(string origin)
    {
        var preflight = await PreflightAsync(fixture.Host.CreateClient(), origin);
        var simple = await GetWithOriginAsync(fixture.Host.CreateClient(), origin);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(simple.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/bookings");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetWithOriginAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }
}
