using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api.Compat;

/// <summary>The seed routes are in the OpenAPI document, each under its seed's tag, with a summary and a description of the choices made.</summary>
public sealed class CompatOpenApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Theory]
    [InlineData("Compat: Wortis", "/api/bookings/create-reservation", "post")]
    [InlineData("Compat: Wortis", "/api/bookings/occupied-slots", "get")]
    [InlineData("Compat: Wortis", "/api/bookings/cancel", "post")]
    [InlineData("Compat: Wortis", "/api/bookings/user/{email}", "get")]
    [InlineData("Compat: EduConnect", "/api/mentors/{id}/availabilities", "get")]
    [InlineData("Compat: EduConnect", "/api/mentors/availabilities", "post")]
    [InlineData("Compat: EduConnect", "/api/mentors/{id}/available-slots", "get")]
    [InlineData("Compat: EduConnect", "/api/mentors/{id}/book", "post")]
    [InlineData("Compat: EduConnect", "/api/mentorship/sessions", "get")]
    [InlineData("Compat: EduConnect", "/api/mentorship/sessions/{id}", "get")]
    [InlineData("Compat: EduConnect", "/api/mentorship/sessions/{id}/cancel", "post")]
    [InlineData("Compat: FlexPark", "/auth/login", "post")]
    [InlineData("Compat: FlexPark", "/auth/register", "post")]
    [InlineData("Compat: FlexPark", "/parkings", "get")]
    [InlineData("Compat: FlexPark", "/parkings", "post")]
    [InlineData("Compat: FlexPark", "/parkings/{id}/slots", "get")]
    [InlineData("Compat: FlexPark", "/reservations", "post")]
    [InlineData("Compat: FlexPark", "/reservations/me", "get")]
    [InlineData("Compat: FlexPark", "/reservations/{id}", "delete")]
    [InlineData("Compat: FlexPark", "/notifications/send", "post")]
    [InlineData("Compat: Generic backend", "/api/health", "get")]
    [InlineData("Compat: Generic backend", "/api/auth/register", "post")]
    [InlineData("Compat: Generic backend", "/api/auth/login", "post")]
    [InlineData("Compat: Generic backend", "/api/client/mon-profil/", "get")]
    [InlineData("Compat: Generic backend", "/api/client/mon-profil/", "put")]
    [InlineData("Compat: Generic backend", "/api/client/reservations/{id}/", "delete")]
    [InlineData("Compat: Generic backend", "/api/entreprise/reservations/{id}/", "delete")]
    [InlineData("Compat: Generic backend", "/api/entreprise/disponibilites/{id}/", "put")]
    public async Task Each_seed_route_is_documented_under_its_seeds_tag(string tag, string path, string method)
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        // The document lists a route's template without its trailing slash; requests may carry it (the generic backend's tests send it).
        Assert.True(document.GetProperty("paths").TryGetProperty(path.TrimEnd('/'), out var item), $"{path} is not in the OpenAPI document");
        var operation = item.GetProperty(method);
        Assert.Equal(tag, Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
    }
}
