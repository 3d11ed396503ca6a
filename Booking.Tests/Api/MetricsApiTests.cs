using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Booking.Tests.Reliability;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Booking.Tests.Api;

public sealed class MetricsApiTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public MetricsApiTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(b => b
            .UseSetting("Booking:Storage:Provider", "Memory")
            .UseSetting("Booking:Cluster:SiloPort", ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture))
            .UseSetting("Booking:Cluster:GatewayPort", "0"));
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text_format_with_orleans_activations_and_http_durations()
    {
        var client = _factory.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            email = $"metrics-{Guid.NewGuid():N}@example.com",
            password = "long-enough-1",
            firstName = "M",
            lastName = "Etrics",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE orleans_catalog_activation_created_total counter", text, StringComparison.Ordinal);
        Assert.Contains("orleans_catalog_activation_created_total{grain_type=\"user-account\"}", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/v1/auth/register\"", text, StringComparison.Ordinal);
        Assert.Contains("le=\"+Inf\"", text, StringComparison.Ordinal);
    }
}
