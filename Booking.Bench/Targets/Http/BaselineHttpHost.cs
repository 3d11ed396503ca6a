using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Booking.Bench.Scenarios;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Booking.Bench.Targets.Http;

/// <summary>
/// A minimal web front end for a SQL baseline, on the same stack as Booking.Web: Kestrel, System.Text.Json, HS256 JWT
/// bearer validation (issuer, audience, lifetime, signature). <c>POST /api/v1/bookings</c> takes Booking.Web's body and
/// answers 201 with the booking id or 409 with a problem <c>code</c>. Only the booking core differs from the engine's
/// API — and the engine's API also checks each token's session with the account grain, which this one does not.
/// </summary>
internal sealed class BaselineHttpHost : IAsyncDisposable
{
    private const string Issuer = "booking";
    private const string Audience = "booking-api";
    private readonly WebApplication _app;
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));

    public BaselineHttpHost(Func<BookingAsk, CancellationToken, Task<AskResult>> book)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                IssuerSigningKey = _key,
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapPost("/api/v1/bookings", async (HttpBookingBody body, HttpContext context, CancellationToken cancellationToken) =>
        {
            var user = int.Parse(context.User.Identity!.Name!, CultureInfo.InvariantCulture);
            var resource = int.Parse(body.ResourceId, CultureInfo.InvariantCulture);
            var (start, end) = body.Period is { } period
                ? ParkingPeriods.Times(period)
                : (body.Start!.Value, body.Start!.Value.AddMinutes(body.DurationMinutes!.Value));
            var result = await book(new BookingAsk(0, user, resource, body.Date, body.Period, start, end, TimeSpan.Zero), cancellationToken);
            return result.Outcome switch
            {
                AskOutcome.Confirmed => Results.Created($"/api/v1/bookings/{result.BookingId}", new { id = result.BookingId }),
                AskOutcome.Conflict => Results.Problem(statusCode: 409, title: "Slot unavailable", extensions: new Dictionary<string, object?> { ["code"] = "slot_unavailable" }),
                AskOutcome.UserConflict => Results.Problem(statusCode: 409, title: "User conflict", extensions: new Dictionary<string, object?> { ["code"] = "user_conflict" }),
                _ => Results.Problem(statusCode: 422, title: "Refused", extensions: new Dictionary<string, object?> { ["code"] = result.Detail }),
            };
        }).RequireAuthorization();
    }

    /// <summary>Where the host listens, once started.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>A token for person <paramref name="user"/> (an index), shaped like Booking.Web's (sub, email, role, sid, jti).</summary>
    public string IssueToken(int user)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = user.ToString(CultureInfo.InvariantCulture),
                ["email"] = EmployeeTokens.Email(user),
                ["role"] = "member",
                ["sid"] = Guid.NewGuid().ToString("N"),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
