using System.Net;
using Booking.Tests.Api;
using Booking.Web.Observability;

namespace Booking.Tests.Security;

/// <summary>Every entry logged while serving a request carries the request's id (sent back as X-Request-Id) and the caller's user id.</summary>
public sealed class RequestLoggingTests(ThrottleFixture fixture) : IClassFixture<ThrottleFixture>
{
    [Fact]
    public async Task Entries_of_a_signed_in_request_carry_its_request_id_and_the_user_id()
    {
        var client = fixture.NewClient();
        var user = await client.SignUpAsync();

        var response = await client.SendAsync(HttpMethod.Get, "/api/v1/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = Assert.Single(response.Headers.GetValues(RequestLogScopeMiddleware.RequestIdHeader));
        var entries = fixture.Logs.Entries.Where(e => e.Scope(RequestLogScope.RequestIdKey) == requestId).ToList();
        Assert.NotEmpty(entries);

        // From authorization on (the endpoint, the handler, the grains it calls) the user is known.
        var afterAuthentication = entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.Routing.EndpointMiddleware", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(afterAuthentication);
        Assert.All(afterAuthentication, e => Assert.Equal(user.Account.Id, e.Scope(RequestLogScope.UserIdKey)));
    }

    [Fact]
    public async Task A_refused_request_is_logged_with_its_request_id_and_no_user()
    {
        var client = fixture.NewClient();

        var response = await client.SendAsync(HttpMethod.Get, "/api/v1/me", "not.a.token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var requestId = Assert.Single(response.Headers.GetValues(RequestLogScopeMiddleware.RequestIdHeader));
        var entries = fixture.Logs.Entries.Where(e => e.Scope(RequestLogScope.RequestIdKey) == requestId).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Null(e.Scope(RequestLogScope.UserIdKey)));
    }
}
