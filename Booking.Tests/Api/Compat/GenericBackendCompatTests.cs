using System.Net;
using System.Net.Http.Json;

namespace Booking.Tests.Api.Compat;

/// <summary>
/// Replays seeds/generic-backend-architecture.md (its health and auth routes, its pytest tests and validators) and the
/// routes seeds/reservation-platform-gaps.md asks for (profile, cancellation by the client and by the company,
/// availability update) over HTTP against PostgreSQL.
/// </summary>
public sealed class GenericBackendCompatTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Health_returns_ok_and_its_message()
    {
        var body = await (await _client.GetAsync("/api/health")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("ok", body.Str("status"));
        Assert.Equal("API is running", body.Str("message"));
    }

    [Fact]
    public async Task Register_as_in_the_seeds_test_returns_201_and_the_account_signs_in_as_a_client()
    {
        var email = ApiClient.NewEmail();

        var registered = await _client.PostAsJsonAsync("/api/auth/register", new { email, password = "password123", first_name = "John", last_name = "Doe", role = "student" });

        var body = await registered.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("User created successfully", body.Str("message"));
        var login = await (await _client.PostAsJsonAsync("/api/auth/login", new { email, password = "password123" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(body.Str("user_id"), login.GetProperty("user").Str("id"));
        Assert.Equal(email, login.GetProperty("user").Str("email"));
        Assert.Equal("client", login.GetProperty("user").Str("role"));
        var profile = await (await _client.SendAsync(HttpMethod.Get, "/api/client/mon-profil/", login.Str("token"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("John", "Doe"), (profile.Str("first_name"), profile.Str("last_name")));
    }

    [Fact]
    public async Task Registering_as_admin_does_not_make_an_admin()
    {
        var email = ApiClient.NewEmail();
        await (await _client.PostAsJsonAsync("/api/auth/register", new { email, password = "password123", first_name = "Mallory", role = "admin" })).JsonAsync(HttpStatusCode.Created);

        var login = await (await _client.PostAsJsonAsync("/api/auth/login", new { email, password = "password123" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("client", login.GetProperty("user").Str("role"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Get, "/api/v1/users", login.Str("token"))).StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "password123", "John", "email", "Invalid email")]
    [InlineData(null, "password123", "John", "email", "Invalid email")]
    [InlineData("{new}", "short", "John", "password", "Password must be at least 8 characters")]
    [InlineData("{new}", "password123", null, "first_name", "First name is required")]
    public async Task The_seeds_validators_answer_400_with_the_field_and_its_message(string? email, string password, string? firstName, string field, string message)
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { email = email == "{new}" ? ApiClient.NewEmail() : email, password, first_name = firstName, last_name = "Doe" });

        var problem = await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed", error: true);
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Registering_an_existing_email_returns_400_as_the_seed_does()
    {
        var email = ApiClient.NewEmail();
        await (await _client.PostAsJsonAsync("/api/auth/register", new { email, password = "password123", first_name = "John", last_name = "Doe" })).JsonAsync(HttpStatusCode.Created);

        var again = await _client.PostAsJsonAsync("/api/auth/register", new { email, password = "password456", first_name = "Jane", last_name = "Doe" });

        await again.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "email_taken", error: true);
    }

    [Fact]
    public async Task Invalid_credentials_return_401_with_an_error()
    {
        var user = await _client.SignUpAsync();

        var response = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Account.Email, password = "wrong-password" });

        await response.AssertSeedErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials", error: true);
    }

    [Fact]
    public async Task The_profile_is_read_and_updated_with_or_without_the_trailing_slash()
    {
        var user = await _client.SignUpAsync();

        var updated = await (await _client.SendAsync(HttpMethod.Put, "/api/client/mon-profil/", user.AccessToken, new { first_name = "Grace", last_name = "Hopper", phone = "+242 06 123 45 67" }))
            .JsonAsync(HttpStatusCode.OK);
        var read = await (await _client.SendAsync(HttpMethod.Get, "/api/client/mon-profil", user.AccessToken)).JsonAsync(HttpStatusCode.OK);

        foreach (var profile in new[] { updated, read })
        {
            Assert.Equal(user.Account.Id, profile.Str("id"));
            Assert.Equal(user.Account.Email, profile.Str("email"));
            Assert.Equal(("Grace", "Hopper", "+242 06 123 45 67"), (profile.Str("first_name"), profile.Str("last_name"), profile.Str("phone")));
            Assert.Equal("client", profile.Str("role"));
        }
    }

    [Fact]
    public async Task A_bad_profile_update_returns_400_and_no_token_401()
    {
        var user = await _client.SignUpAsync();

        var bad = await _client.SendAsync(HttpMethod.Put, "/api/client/mon-profil/", user.AccessToken, new { first_name = "Grace", phone = "call me" });
        var anonymous = await _client.GetAsync("/api/client/mon-profil/");

        var problem = await bad.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed", error: true);
        Assert.True(problem.GetProperty("errors").TryGetProperty("last_name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
        await anonymous.AssertSeedErrorAsync(HttpStatusCode.Unauthorized, error: true);
    }

    [Fact]
    public async Task A_client_cancels_their_own_reservation_but_not_anyone_elses()
    {
        var (_, resourceId) = await CompanyWithServiceAsync();
        var client = await _client.SignUpAsync();
        var other = await _client.SignUpAsync();
        var reservation = await BookAsync(client, resourceId, "10:00");

        var byOther = await _client.SendAsync(HttpMethod.Delete, $"/api/client/reservations/{reservation}/", other.AccessToken);
        var byClient = await _client.SendAsync(HttpMethod.Delete, $"/api/client/reservations/{reservation}/", client.AccessToken);
        var again = await _client.SendAsync(HttpMethod.Delete, $"/api/client/reservations/{reservation}/", client.AccessToken);

        await byOther.AssertSeedErrorAsync(HttpStatusCode.NotFound, "not_found", error: true);
        var cancelled = await byClient.JsonAsync(HttpStatusCode.OK);
        Assert.Equal((reservation, "cancelled", client.Account.Id), (cancelled.GetProperty("reservation").Str("id"), cancelled.GetProperty("reservation").Str("status"), cancelled.GetProperty("reservation").Str("client_id")));
        await again.AssertSeedErrorAsync(HttpStatusCode.Conflict, "already_cancelled", error: true);
        await BookAsync(other, resourceId, "10:00");
    }

    [Fact]
    public async Task A_company_cancels_reservations_of_its_own_resources_only()
    {
        var (company, resourceId) = await CompanyWithServiceAsync();
        var (otherCompany, _) = await CompanyWithServiceAsync();
        var client = await _client.SignUpAsync();
        var reservation = await BookAsync(client, resourceId, "11:00");

        var byOtherCompany = await _client.SendAsync(HttpMethod.Delete, $"/api/entreprise/reservations/{reservation}/", otherCompany.AccessToken);
        var byClient = await _client.SendAsync(HttpMethod.Delete, $"/api/entreprise/reservations/{reservation}/", client.AccessToken);
        var byCompany = await _client.SendAsync(HttpMethod.Delete, $"/api/entreprise/reservations/{reservation}/", company.AccessToken);

        await byOtherCompany.AssertSeedErrorAsync(HttpStatusCode.NotFound, "not_found", error: true);
        await byClient.AssertSeedErrorAsync(HttpStatusCode.Forbidden, error: true);
        Assert.Equal("cancelled", (await byCompany.JsonAsync(HttpStatusCode.OK)).GetProperty("reservation").Str("status"));
        var booking = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{reservation}", client.AccessToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(company.Account.Id, booking.Str("cancelledBy"));
    }

    [Fact]
    public async Task A_company_replaces_its_resources_availability_and_bookings_follow_it()
    {
        var (company, resourceId) = await CompanyWithServiceAsync();
        var client = await _client.SignUpAsync();

        var updated = await (await _client.SendAsync(HttpMethod.Put, $"/api/entreprise/disponibilites/{resourceId}/", company.AccessToken, new
        {
            weekly = Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), start = "14:00", end = "17:00" }),
            exceptions = new[] { new { date = Date(4), closed = true } },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(resourceId, updated.Str("id"));
        Assert.Equal(7, updated.GetProperty("disponibilites").GetProperty("weekly").GetArrayLength());
        Assert.Equal(Date(4), Assert.Single(updated.GetProperty("disponibilites").GetProperty("exceptions").EnumerateArray()).Str("date"));
        var morning = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", client.AccessToken, new { resourceId, date = Date(3), start = "10:00", end = "11:00" });
        await morning.AssertSeedErrorAsync((HttpStatusCode)422, "outside_availability");
        var closed = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", client.AccessToken, new { resourceId, date = Date(4), start = "15:00", end = "16:00" });
        await closed.AssertSeedErrorAsync((HttpStatusCode)422, "outside_availability");
        await BookAsync(client, resourceId, "15:00");
    }

    [Fact]
    public async Task Availability_updates_refuse_overlaps_strangers_and_unknown_resources()
    {
        var (company, resourceId) = await CompanyWithServiceAsync();
        var (otherCompany, _) = await CompanyWithServiceAsync();
        var member = await _client.SignUpAsync();
        var body = new { weekly = new[] { new { day = "monday", start = "09:00", end = "12:00" }, new { day = "monday", start = "11:00", end = "13:00" } } };
        var valid = new { weekly = new[] { new { day = "monday", start = "09:00", end = "12:00" } } };

        var overlapping = await _client.SendAsync(HttpMethod.Put, $"/api/entreprise/disponibilites/{resourceId}/", company.AccessToken, body);
        var stranger = await _client.SendAsync(HttpMethod.Put, $"/api/entreprise/disponibilites/{resourceId}/", otherCompany.AccessToken, valid);
        var client = await _client.SendAsync(HttpMethod.Put, $"/api/entreprise/disponibilites/{resourceId}/", member.AccessToken, valid);
        var unknown = await _client.SendAsync(HttpMethod.Put, $"/api/entreprise/disponibilites/{Guid.NewGuid():N}/", company.AccessToken, valid);

        await overlapping.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed", error: true);
        await stranger.AssertSeedErrorAsync(HttpStatusCode.Forbidden, "forbidden", error: true);
        await client.AssertSeedErrorAsync(HttpStatusCode.Forbidden, error: true);
        await unknown.AssertSeedErrorAsync(HttpStatusCode.NotFound, "resource_not_found", error: true);
    }

    private static string Date(int days) => CompatHttp.DaysAhead(days);

    /// <summary>A company (provider) and a service it owns, open 08:00–18:00 UTC on a one-hour grid.</summary>
    private async Task<(SignedIn Company, string ResourceId)> CompanyWithServiceAsync()
    {
        var company = await _client.SignUpProviderAsync(fixture.Host);
        return (company, (await _client.CreateServiceAsync(company.AccessToken)).Str("id"));
    }

    /// <summary>A reservation made through /api/v1/bookings three days ahead; its id.</summary>
    private async Task<string> BookAsync(SignedIn client, string resourceId, string start)
    {
        var end = $"{int.Parse(start[..2], System.Globalization.CultureInfo.InvariantCulture) + 1:00}:00";
        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", client.AccessToken, new { resourceId, date = Date(3), start, end });
        return (await response.JsonAsync(HttpStatusCode.Created)).Str("id");
    }
}
