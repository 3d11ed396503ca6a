using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;

namespace Booking.Tests.Reliability;

/// <summary>
/// Concurrent bookers over HTTP: each user works through its own shuffled list of distinct one-hour slots (resource,
/// date, start), so every (user, resource, date, start) is asked for exactly once and each bookings row can be traced
/// to the one request that may have written it.
/// </summary>
internal sealed class BookingLoad(IReadOnlyList<LoadUser> users, IReadOnlyList<string> resourceIds, IReadOnlyList<DateOnly> dates, int seed)
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

            _attempts.Enqueue(await SendAsync(clientFor(index + sent++), user, resource, date, start));
        }
    }

    private static async Task<BookingAttempt> SendAsync(HttpClient client, LoadUser user, string resourceId, DateOnly date, TimeOnly start)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(new { resourceId, date = ResourceSteps.Date(date), start = start.ToString("HH:mm"), durationMinutes = 60 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
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
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return attempt with { Elapsed = clock.Elapsed, Failure = exception.GetType().Name + ": " + exception.Message };
        }
    }
}
