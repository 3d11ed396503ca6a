using System.Net;

namespace Booking.Tests.Api;

/// <summary>GET /api/v1/bookings/export.csv over HTTP against PostgreSQL: what each caller gets, and a file spreadsheets read safely.</summary>
public sealed class BookingsExportApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    private static string Date => ResourceSteps.Date(ResourceSteps.Soon);

    [Fact]
    public async Task The_owner_exports_the_resource_bookings_in_order_with_quoting_and_formulas_neutralised()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var mallory = await _client.SignUpAsync();
        var alice = await _client.SignUpAsync();
        var late = await _client.BookAsync(alice.AccessToken, new { resourceId, date = Date, start = "15:00", end = "16:00", subject = "Cut, \"short\"", notes = "line one\nline two" });
        var early = await _client.BookAsync(mallory.AccessToken, new { resourceId, date = Date, start = "09:00", end = "10:00", subject = "=HYPERLINK(\"http://evil.example\",\"open\")", notes = "@SUM(A1)" });

        var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/export.csv?resourceId={resourceId}", owner.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bookings.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        var header = rows[0];
        Assert.Equal(["id", "resourceId", "resourceKind", "date", "start", "end", "startUtc"], header.Take(7));
        Assert.Equal([early, late], rows.Skip(1).Select(r => r[0]));
        var first = Row(header, rows[1]);
        var second = Row(header, rows[2]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"open\")", first["subject"]);
        Assert.Equal("'@SUM(A1)", first["notes"]);
        Assert.Equal((mallory.Account.Id, "confirmed", "service", Date, "09:00", "10:00"), (first["userId"], first["status"], first["resourceKind"], first["date"], first["start"], first["end"]));
        Assert.Equal($"{Date}T09:00:00Z", first["startUtc"]);
        Assert.Equal("Cut, \"short\"", second["subject"]);
        Assert.Equal("line one\nline two", second["notes"]);
    }

    [Fact]
    public async Task A_member_exports_only_their_own_bookings_filtered_by_status_and_date()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var member = await _client.SignUpAsync();
        var other = await _client.SignUpAsync();
        var kept = await _client.BookAsync(member.AccessToken, new { resourceId, date = Date, start = "10:00", end = "11:00" });
        var cancelled = await _client.BookAsync(member.AccessToken, new { resourceId, date = Date, start = "12:00", end = "13:00" });
        await _client.BookAsync(other.AccessToken, new { resourceId, date = Date, start = "14:00", end = "15:00" });
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, $"/api/v1/bookings/{cancelled}/cancel", member.AccessToken)).StatusCode);

        var all = await ExportAsync(member.AccessToken, "");
        var onlyCancelled = await ExportAsync(member.AccessToken, "?status=cancelled");
        var otherDay = await ExportAsync(member.AccessToken, $"?from={ResourceSteps.Date(ResourceSteps.Soon.AddDays(1))}");

        Assert.Equal([kept, cancelled], all.Skip(1).Select(r => r[0]));
        Assert.Equal([cancelled], onlyCancelled.Skip(1).Select(r => r[0]));
        Assert.Single(otherDay);
    }

    [Fact]
    public async Task Another_resource_is_403_an_unknown_status_400_and_a_stranger_without_token_401()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString();
        var member = await _client.SignUpAsync();

        await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/export.csv?resourceId={resourceId}", member.AccessToken)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/bookings/export.csv?status=lost", member.AccessToken)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await _client.SendAsync(HttpMethod.Get, "/api/v1/bookings/export.csv")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var admin = await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/export.csv?resourceId={resourceId}", await _client.AdminTokenAsync(fixture.Host));
        Assert.Single(Csv.Parse(await admin.Content.ReadAsStringAsync()));
    }

    private async Task<List<List<string>>> ExportAsync(string token, string query)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/bookings/export.csv" + query, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Csv.Parse(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Row(List<string> header, List<string> row) =>
        header.Zip(row).ToDictionary(p => p.First, p => p.Second);
}
