using System.Net;
using System.Net.Http.Json;

namespace Booking.Tests.Api;

/// <summary>Booking:Auth:AllowedEmailDomains limits self-registration to the listed domains.</summary>
public sealed class RestrictedRegistrationTests(RestrictedRegistrationFixture fixture) : IClassFixture<RestrictedRegistrationFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task An_address_outside_the_allowed_domains_gets_403()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = ApiClient.Password, firstName = "A", lastName = "B" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "email_domain_not_allowed");
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("STAFF.example.org")]
    public async Task An_address_in_an_allowed_domain_registers(string domain)
    {
        var account = await _client.RegisterAsync($"someone-{Guid.NewGuid():N}@{domain}");

        await _client.LoginAsync(account.Email);
    }
}
