using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Booking.Tests.Security;

/// <summary>
/// Every route that takes an id (found in the app's endpoint data source), called by someone who must not get through:
/// with no token, a token that is no JWT, an expired one, one whose payload was changed after signing, one signed with
/// another key and one with <c>alg: none</c> (all 401 unauthorized); with another member's token and with a provider's
/// token for someone else's object (404 for bookings, holds, sessions and notifications, as if they did not exist; 403
/// for resources and accounts, as the API documents). The owners' objects are unchanged afterwards.
/// </summary>
public sealed class AuthorizationMatrixTests(SecurityFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    /// <summary>What a route that takes an id lets whom do. Add a line here for each new such route (a test fails until there is one).</summary>
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/bookings/{id}"] = Rule.Owned(w => $"/api/v1/bookings/{w.BookingId}", null, NotFound("not_found")),
        ["GET /api/v1/bookings/{id}.ics"] = Rule.Owned(w => $"/api/v1/bookings/{w.BookingId}.ics", null, NotFound("not_found")),
        ["GET /api/v1/admin/mail/{id}"] = Rule.Owned(w => $"/api/v1/admin/mail/{w.BookingId}.created.booking_confirmed.{w.Member.Account.Id}", null, Forbidden()),
        ["POST /api/v1/bookings/{id}/cancel"] = Rule.Owned(w => $"/api/v1/bookings/{w.BookingId}/cancel", new { reason = "mine now" }, NotFound("not_found")),
        ["POST /api/v1/bookings/{id}/check-in"] = Rule.Owned(w => $"/api/v1/bookings/{w.BookingId}/check-in", null, NotFound("not_found")),
        ["POST /api/v1/bookings/{id}/no-show"] = Rule.Owned(w => $"/api/v1/bookings/{w.BookingId}/no-show", null, NotFound("not_found")),
        ["POST /api/v1/bookings/{id}/complete"] = Rule.Owned(w => $"/api/v1/bookings/{w.BookingId}/complete", null, NotFound("not_found")),
        ["DELETE /api/v1/holds/{id}"] = Rule.Owned(w => $"/api/v1/holds/{w.HoldId}", null, NotFound("hold_not_found")),
        ["PUT /api/v1/resources/{id}"] = Rule.Owned(w => $"/api/v1/resources/{w.ServiceId}", new { kind = "service", name = "Hijacked" }, Forbidden()),
        ["DELETE /api/v1/resources/{id}"] = Rule.Owned(w => $"/api/v1/resources/{w.ServiceId}", null, Forbidden()),
        ["PUT /api/v1/resources/{id}/schedule"] = Rule.Owned(w => $"/api/v1/resources/{w.ServiceId}/schedule", new { weekly = Array.Empty<object>(), exceptions = Array.Empty<object>() }, Forbidden()),
        ["GET /api/v1/users/{id}"] = Rule.Owned(w => $"/api/v1/users/{w.Member.Account.Id}", null, Forbidden()),
        ["PUT /api/v1/users/{id}/role"] = Rule.Owned(w => $"/api/v1/users/{w.Stranger.Account.Id}/role", new { role = "admin" }, Forbidden()),
        ["POST /api/v1/notifications/{id}/read"] = Rule.Owned(w => $"/api/v1/notifications/{w.NotificationId}/read", null, NotFound("not_found")),
        ["GET /api/mentorship/sessions/{id}"] = Rule.Owned(w => $"/api/mentorship/sessions/{w.SessionId}", null, NotFound("not_found")),
        ["POST /api/mentorship/sessions/{id}/cancel"] = Rule.Owned(w => $"/api/mentorship/sessions/{w.SessionId}/cancel", null, NotFound("not_found")),
        ["DELETE /reservations/{id}"] = Rule.Owned(w => $"/reservations/{w.ParkingBookingId}", null, NotFound("not_found")),
        ["DELETE /api/client/reservations/{id}"] = Rule.Owned(w => $"/api/client/reservations/{w.BookingId}/", null, NotFound("not_found")),
        ["DELETE /api/entreprise/reservations/{id}"] = Rule.Owned(w => $"/api/entreprise/reservations/{w.BookingId}/", null, member: Forbidden(), provider: NotFound("not_found")),
        ["PUT /api/entreprise/disponibilites/{id}"] = Rule.Owned(w => $"/api/entreprise/disponibilites/{w.ServiceId}/", new { weekly = Array.Empty<object>(), exceptions = Array.Empty<object>() }, Forbidden()),

        // Shared by every signed-in user: only tokens are checked.
        ["GET /api/v1/sites/{id}"] = Rule.Shared(w => $"/api/v1/sites/{w.SiteId}", null),
        ["GET /api/v1/sites/{id}/slots"] = Rule.Shared(w => $"/api/v1/sites/{w.SiteId}/slots?date={w.Date}&period=morning", null),
        ["POST /api/v1/sites/{id}/bookings"] = Rule.Shared(w => $"/api/v1/sites/{w.SiteId}/bookings", new { date = "2027-03-01", period = "morning" }),
        ["GET /parkings/{id}/slots"] = Rule.Shared(w => $"/parkings/{w.SiteId}/slots", null),
        ["POST /api/mentors/{id}/book"] = Rule.Shared(w => $"/api/mentors/{w.MentorId}/book", new { session_date = "2027-03-01T09:00:00", duration_minutes = 60, subject = "x" }),

        // Public by design (API.md, the EduConnect seed): anyone may read a resource, its free slots and its occupancy.
        ["GET /api/v1/resources/{id}"] = Rule.Public,
        ["GET /api/v1/resources/{id}/availability"] = Rule.Public,
        ["GET /api/v1/resources/{id}/days/{date}"] = Rule.Public,
        ["GET /api/mentors/{id}/availabilities"] = Rule.Public,
        ["GET /api/mentors/{id}/available-slots"] = Rule.Public,
        ["GET /api/mentors/{id}"] = Rule.Public,

        // Calendar clients cannot send a bearer token: the feed URL's token is the credential (CalendarFeedTests).
        ["GET /calendar/{token}.ics"] = Rule.Public,
        ["GET /calendar/{token}/resources/{id}.ics"] = Rule.Public,

        // Unauthenticated by the Wortis seed, which names a person by email address.
        ["GET /api/bookings/user/{email}"] = Rule.Public,
    };

    [Fact]
    public void Every_route_that_takes_an_id_has_a_rule_in_the_matrix()
    {
        var routes = IdRoutes();

        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !Rules.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, "Routes that take an id but have no rule in AuthorizationMatrixTests.Rules: " + string.Join(", ", missing));
        var stale = Rules.Keys.Where(k => !routes.ContainsKey(k)).ToList();
        Assert.True(stale.Count == 0, "Rules for routes the app no longer maps: " + string.Join(", ", stale));
    }

    [Fact]
    public void Public_routes_in_the_matrix_are_exactly_the_anonymous_ones()
    {
        foreach (var (route, requiresAuth) in IdRoutes())
        {
            if (Rules.TryGetValue(route, out var rule))
            {
                Assert.True(requiresAuth != (rule.Kind == Kind.Public), $"{route}: the app says {(requiresAuth ? "signed-in only" : "anonymous")}, the matrix says {rule.Kind}.");
            }
        }
    }

    [Fact]
    public async Task Every_route_that_takes_an_id_refuses_missing_expired_tampered_foreign_key_and_unsigned_tokens_with_401()
    {
        var world = await fixture.WorldAsync();
        var forged = ForgedTokens.All(fixture.Host.Services, world.Stranger.AccessToken, world.Member.Account.Id);
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var (route, _) in IdRoutes().Where(r => r.Value))
        {
            var rule = Rules[route];
            var method = new HttpMethod(route.Split(' ')[0]);
            foreach (var (name, token) in forged)
            {
                var response = await _client.SendAsync(method, rule.Path!(world), token, rule.Body);
                checkedCount++;
                await ExpectAsync(response, HttpStatusCode.Unauthorized, "unauthorized", $"{route} with {name}", failures);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                {
                    failures.Add($"{route} with {name}: 401 without a 'WWW-Authenticate: Bearer' challenge");
                }
            }
        }

        output.WriteLine($"{checkedCount} requests with bad tokens");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await AssertWorldUnchangedAsync(world);
    }

    [Fact]
    public async Task Another_members_token_and_a_providers_token_for_someone_elses_object_are_denied_with_the_documented_code()
    {
        var world = await fixture.WorldAsync();
        var failures = new List<string>();
        foreach (var (route, rule) in Rules.Where(r => r.Value.Kind == Kind.Owned))
        {
            var method = new HttpMethod(route.Split(' ')[0]);
            foreach (var (who, token, denial) in new[]
            {
                ("another member", world.Stranger.AccessToken, rule.MemberDenial!),
                ("a provider for someone else's object", world.OtherProvider.AccessToken, rule.ProviderDenial!),
            })
            {
                var response = await _client.SendAsync(method, rule.Path!(world), token, rule.Body);
                await ExpectAsync(response, denial.Status, denial.Code, $"{route} by {who}", failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await AssertWorldUnchangedAsync(world);
    }

    private Dictionary<string, bool> IdRoutes()
    {
        var routes = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var endpoint in WriteRoute.Endpoints(fixture.Host.Services).Where(e => e.RoutePattern.Parameters.Count > 0))
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                routes[$"{method} {template}"] = WriteRoute.RequiresAuth(endpoint);
            }
        }

        return routes;
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string code, string what, List<string> failures)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            failures.Add($"{what}: expected {(int)status} {code}, got {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: {(int)status} is not problem details ({response.Content.Headers.ContentType})");
            return;
        }

        var actual = JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        if (actual != code)
        {
            failures.Add($"{what}: expected code {code}, got {actual}");
        }
    }

    private async Task AssertWorldUnchangedAsync(SecurityWorld world)
    {
        var booking = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{world.BookingId}", world.Member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        var hold = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{world.HoldId}", world.Member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", hold.GetProperty("status").GetString());
        var parking = await (await _client.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{world.ParkingBookingId}", world.Member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("confirmed", parking.GetProperty("status").GetString());
        var resource = await (await _client.GetAsync($"/api/v1/resources/{world.ServiceId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Haircut", resource.GetProperty("name").GetString());
        Assert.True(resource.GetProperty("active").GetBoolean());
        Assert.NotEmpty(resource.GetProperty("weekly").EnumerateArray());
        var session = await (await _client.SendAsync(HttpMethod.Get, $"/api/mentorship/sessions/{world.SessionId}", world.Member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual("cancelled", session.GetProperty("session").GetProperty("status").GetString());
        var stranger = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", world.Stranger.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("member", stranger.GetProperty("role").GetString());
        var unread = await (await _client.SendAsync(HttpMethod.Get, "/api/v1/notifications?unread=true", world.Member.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(unread.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetString() == world.NotificationId);
    }

    private static Denial NotFound(string code) => new(HttpStatusCode.NotFound, code);

    private static Denial Forbidden() => new(HttpStatusCode.Forbidden, "forbidden");

    private enum Kind
    {
        Owned,
        Shared,
        Public,
    }

    private sealed record Denial(HttpStatusCode Status, string Code);

    private sealed record Rule(Kind Kind, Func<SecurityWorld, string>? Path, object? Body, Denial? MemberDenial, Denial? ProviderDenial)
    {
        public static Rule Public { get; } = new(Kind.Public, null, null, null, null);

        public static Rule Owned(Func<SecurityWorld, string> path, object? body, Denial denial) => new(Kind.Owned, path, body, denial, denial);

        /// <summary>A route where a member is stopped by their role and a provider by not owning the object.</summary>
        public static Rule Owned(Func<SecurityWorld, string> path, object? body, Denial member, Denial provider) => new(Kind.Owned, path, body, member, provider);

        public static Rule Shared(Func<SecurityWorld, string> path, object? body) => new(Kind.Shared, path, body, null, null);
    }
}
