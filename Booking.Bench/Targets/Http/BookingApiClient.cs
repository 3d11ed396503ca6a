using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Bench.Scenarios;

namespace Booking.Bench.Targets.Http;

/// <summary>
/// Sends bookings as an app would: <c>POST /api/v1/bookings</c> with the person's bearer token, 201 for a booking,
/// 409 with a problem <c>code</c> for a refusal. One pooled HTTP/1.1 client per target, the same for engine and baselines.
/// </summary>
internal sealed class BookingApiClient(Uri baseAddress) : IDisposable
{
    private const int MaxConnections = 256;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = MaxConnections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public HttpClient Http => _http;

    public async Task<AskResult> BookAsync(string token, string resourceId, BookingAsk ask, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/bookings")
        {
            Content = JsonContent.Create(new HttpBookingBody
            {
                ResourceId = resourceId,
                Date = ask.Date,
                Period = ask.Period,
                Start = ask.Period is null ? ask.Start : null,
                DurationMinutes = ask.Period is null ? ask.DurationMinutes : null,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return AskResult.Confirmed(body.RootElement.GetProperty("id").GetString()!);
        }

        var code = body.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        return (response.StatusCode, code) switch
        {
            (HttpStatusCode.Conflict, "slot_unavailable") => new AskResult(AskOutcome.Conflict),
            (HttpStatusCode.Conflict, "user_conflict") => new AskResult(AskOutcome.UserConflict),
            (< HttpStatusCode.InternalServerError, _) => new AskResult(AskOutcome.Refused, Detail: $"{(int)response.StatusCode} {code}"),
            _ => new AskResult(AskOutcome.Failed, Detail: $"{(int)response.StatusCode} {code}"),
        };
    }

    public void Dispose() => _http.Dispose();
}
