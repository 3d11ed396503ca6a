using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Reliability;

namespace Booking.Tests.Cluster;

/// <summary>
/// Fresh booking requests at a steady pace, each by a member of its own for a slot of its own (so none is refused for
/// another's sake), alternating between the API hosts: when the first of them is confirmed, bookings work again.
/// </summary>
internal sealed class BookingProbe(IReadOnlyList<LoadUser> users, IReadOnlyList<string> resourceIds)
{
    private readonly ConcurrentQueue<BookingAttempt> _attempts = new();

    public IReadOnlyCollection<BookingAttempt> Attempts => _attempts;

    /// <summary>Sends one request every <paramref name="interval"/> (without waiting for the previous answer) until stopped or out of slots; completes when every answer is in.</summary>
    public async Task RunAsync(IReadOnlyList<HttpClient> clients, TimeSpan interval, CancellationToken stop)
    {
        var slots = resourceIds.SelectMany(r => LoadSetup.Dates.SelectMany(d => BookingLoad.Hours.Select(h => (Resource: r, Date: d, Start: new TimeOnly(h, 0))))).ToList();
        var sent = new List<Task>();
        for (var i = 0; i < slots.Count && i < users.Count && !stop.IsCancellationRequested; i++)
        {
            sent.Add(SendAsync(clients[i % clients.Count], users[i], slots[i]));
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(sent);
    }

    private async Task SendAsync(HttpClient client, LoadUser user, (string Resource, DateOnly Date, TimeOnly Start) slot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(new { resourceId = slot.Resource, date = ResourceSteps.Date(slot.Date), start = slot.Start.ToString("HH:mm"), durationMinutes = 60 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        request.Headers.Add("Idempotency-Key", $"probe/{user.Id}");
        var attempt = new BookingAttempt(user.Id, slot.Resource, slot.Date, slot.Start, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            using var body = text.StartsWith('{') ? JsonDocument.Parse(text) : null;
            _attempts.Enqueue(attempt with
            {
                Elapsed = clock.Elapsed,
                Status = response.StatusCode,
                Code = body?.RootElement.TryGetProperty("code", out var code) == true ? code.GetString() : null,
                BookingId = response.IsSuccessStatusCode && body?.RootElement.TryGetProperty("id", out var id) == true ? id.GetString() : null,
                ContentType = response.Content.Headers.ContentType?.MediaType,
                RetryAfter = response.Headers.RetryAfter is not null,
                At = DateTimeOffset.UtcNow,
            });
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            _attempts.Enqueue(attempt with { Elapsed = clock.Elapsed, Failure = exception.GetType().Name + ": " + exception.Message, At = DateTimeOffset.UtcNow });
        }
    }
}
