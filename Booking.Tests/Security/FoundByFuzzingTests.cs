using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Booking.Tests.Api;

namespace Booking.Tests.Security;

/// <summary>Requests the hostile-input generator found answered with 500, kept as fixed cases: each now gets a 4xx that says why.</summary>
public sealed class FoundByFuzzingTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Theory]
    [InlineData("application/json; charset=\"\"")]
    [InlineData("application/json; charset=klingon")]
    public async Task A_body_in_an_unknown_charset_returns_415_naming_it(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"email\":\"a@b.co\",\"password\":\"x\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await _client.PostAsync("/api/v1/auth/login", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Contains("charset", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4_000, "nul")]
    [InlineData(5_000, "nul")]
    [InlineData(6_000, "tru")]
    [InlineData(7_000, "fals")]
    [InlineData(5_000, "nulx")]
    public async Task A_large_body_cut_off_inside_a_literal_returns_400_not_the_json_readers_index_error(int items, string tail)
    {
        var world = await fixture.WorldAsync();
        var json = "{\"exceptions\":[" + string.Concat(Enumerable.Repeat("null,", items)) + tail;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/resources/{world.OtherServiceId}/schedule")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.OtherProvider.AccessToken);

        var response = await _client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_nul_character_in_a_text_field_returns_400_instead_of_reaching_postgres()
    {
        var response = await _client.PostRawAsync("/api/v1/auth/login", "{\"email\":\"\\u0000\",\"password\":\"not-the-password\"}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("NUL", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_a_details_key_returns_400()
    {
        var world = await fixture.WorldAsync();

        var response = await _client.PostRawAsync(
            "/api/v1/bookings",
            $"{{\"resourceId\":\"{world.ServiceId}\",\"date\":\"{world.Date}\",\"start\":\"16:00\",\"end\":\"17:00\",\"details\":{{\"k\\u0000\":\"v\"}}}}",
            world.Stranger.AccessToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_nul_character_in_a_flexpark_slot_id_returns_400_before_it_names_a_grain()
    {
        var world = await fixture.WorldAsync();
        var mark = fixture.Logs.Entries.Count;

        var response = await _client.PostRawAsync("/reservations", $"{{\"slot_id\":\"nul\\u0000inside\",\"date\":\"{world.Date}\",\"period\":\"morning\"}}", world.Stranger.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(fixture.Logs.Entries.Skip(mark), e => e.Exception is not null);
    }

    [Theory]
    [InlineData("{\"weekly\":[null],\"exceptions\":[]}")]
    [InlineData("{\"weekly\":[],\"exceptions\":[null]}")]
    [InlineData("{\"weekly\":null}")]
    [InlineData("{\"weekly\":[],\"exceptions\":[{\"date\":\"2027-03-01\",\"windows\":[null]}]}")]
    public async Task A_schedule_with_null_where_a_window_belongs_returns_400(string json)
    {
        var world = await fixture.WorldAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/resources/{world.OtherServiceId}/schedule")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.OtherProvider.AccessToken);

        var response = await _client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_resource_with_a_null_period_returns_400()
    {
        var world = await fixture.WorldAsync();

        var response = await _client.PostRawAsync("/api/v1/resources", "{\"kind\":\"service\",\"name\":\"x\",\"periods\":{\"morning\":null}}", world.Provider.AccessToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Educonnect_availabilities_with_a_null_item_return_400()
    {
        var world = await fixture.WorldAsync();

        var response = await _client.PostRawAsync("/api/mentors/availabilities", "{\"availabilities\":[null]}", world.Provider.AccessToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("null", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
