using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>What every route shares, over HTTP against PostgreSQL: bad bodies, limits, headers, health and OpenAPI.</summary>
public sealed class HostApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("{\"email\": 5, \"password\": \"x\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task A_malformed_json_body_returns_400_validation_failed_not_500(string json)
    {
        var response = await _client.PostRawAsync("/api/v1/auth/register", json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.DoesNotContain("System.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_body_returns_400()
    {
        var response = await _client.PostAsync("/api/v1/auth/login", new StringContent("", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_body_that_is_not_json_returns_415()
    {
        var response = await _client.PostAsync("/api/v1/auth/login", new StringContent("email=a", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task A_body_over_one_megabyte_returns_413()
    {
        var huge = "{\"email\":\"" + new string('a', 1024 * 1024) + "@example.com\",\"password\":\"x\"}";

        var response = await _client.PostRawAsync("/api/v1/auth/login", huge);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task An_unknown_route_returns_404_problem_details()
    {
        var response = await _client.GetAsync("/api/v1/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_errors_included()
    {
        var ok = await _client.GetAsync("/health");
        var failed = await _client.PostRawAsync("/api/v1/auth/login", "{");

        foreach (var response in new[] { ok, failed })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Health_is_up_and_ready_checks_the_silo_and_postgres()
    {
        var live = await _client.GetAsync("/health");
        var ready = await _client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("healthy", checks["storage"]);
        Assert.Equal("healthy", checks["silo"]);
    }

    [Fact]
    public async Task Swagger_describes_the_routes_with_summaries_and_the_bearer_scheme()
    {
        var ui = await _client.GetAsync("/swagger/index.html");
        var document = await _client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var paths = document.GetProperty("paths");
        Assert.Equal("Create an account", paths.GetProperty("/api/v1/auth/register").GetProperty("post").GetProperty("summary").GetString());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/api/v1/me").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/auth/login").GetProperty("post").TryGetProperty("security", out _));
    }
}
