using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;

namespace Booking.Tests.Reliability;

/// <summary>
/// Concurrent bookers over HTTP: each user works through its own shuffled list of distinct one-hour slots (resource,
/// date, start), so every bookings row can be traced to the request for its (user, resource, date, start). Each request
/// carries an Idempotency-Key of its own; with <c>retryUnavailable</c> a booker answered 503 waits a moment and sends the
/// same request, key included, again, as a client following Retry-After would.
/// </summary>
internal sealed class BookingLoad(
    IReadOnlyList<LoadUser> users, IReadOnlyList<string> resourceIds, IReadOnlyList<DateOnly> dates, int seed, TimeSpan pause = default, bool retryUnavailable = false)
{
    public static readonly int[] Hours = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

    private readonly ConcurrentQueue<BookingAttempt> _attempts = new();

    public IReadOnlyCollection<BookingAttempt> Attempts => _attempts;

    public int Answered => _attempts.Count(a => a.Status is not null);

    /// <summary>Runs until <paramref name="stop"/> is cancelled or every user has asked for every slot; <paramref name="clientFor"/> picks the client of each request.</summary>
    public Task RunAsync(Func<int, HttpClient> clientFor, CancellationToken stop) =>
        Task.WhenAll(users.Select((user, u) => Task.Run(() => BookAsync(user, u, clientFor, stop), CancellationToken.None)));

    private async Task BookAsync(LoadUser user, int index, Func<int, HttpClient> clientFor, CancellationToken stop)
    {
        var random = new Random(seed + index);
        var slots = resourceIds.SelectMany(r => dates.SelectMany(d => Hours.Select(h => (Resource: r, Date: d, Start: new TimeOnly(h, 0))))).ToArray();
        random.Shuffle(slots);
        var sent = 0;
        foreach (var (resource, date, start) in slots)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            var key = $"{user.Id}/{resource}/{date:yyyyMMdd}/{start:HHmm}";
            while (true)
            {
                var attempt = await SendAsync(clientFor(index + sent++), user, resource, date, start, key);
                _attempts.Enqueue(attempt);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, CancellationToken.None);
                }

                if (!retryUnavailable || attempt.Status != System.Net.HttpStatusCode.ServiceUnavailable || stop.IsCancellationRequested)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }

    private static async Task<BookingAttempt> SendAsync(HttpClient client, LoadUser user, string resourceId, DateOnly date, TimeOnly start, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(new { resourceId, date = ResourceSteps.Date(date), start = start.ToString("HH:mm"), durationMinutes = 60 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var attempt = new BookingAttempt(user.Id, resourceId, date, start, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            string? code = null;
            string? id = null;
            if (text.StartsWith('{'))
            {
                using var body = JsonDocument.Parse(text);
                code = body.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
                id = response.IsSuccessStatusCode && body.RootElement.TryGetProperty("id", out var i) ? i.GetString() : null;
            }

            return attempt with
            {
                Elapsed = clock.Elapsed,
                Status = response.StatusCode,
                Code = code,
                BookingId = id,
                ContentType = response.Content.Headers.ContentType?.MediaType,
                RetryAfter = response.Headers.RetryAfter is not null,
                At = DateTimeOffset.UtcNow,
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return attempt with { Elapsed = clock.Elapsed, Failure = exception.GetType().Name + ": " + exception.Message, At = DateTimeOffset.UtcNow };
        }
    }
}
