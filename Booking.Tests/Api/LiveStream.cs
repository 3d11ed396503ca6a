using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>A client of <c>GET /api/v1/live</c>: reads its server-sent events one at a time, skipping pings.</summary>
internal sealed class LiveStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private LiveStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public static async Task<LiveStream> OpenAsync(HttpClient client, string token, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/live" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(timeout.Token)}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new LiveStream(response, await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("ready", (await stream.NextAsync()).Name);
        return stream;
    }

    /// <summary>The next event other than a ping; fails the test after 15 s without one.</summary>
    public async Task<(string Name, JsonElement Data)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            string? name = null;
            var data = new StringBuilder();
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token);
                Assert.True(line is not null, "The live stream ended.");
                if (line.Length == 0)
                {
                    break;
                }

                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line[5..].TrimStart());
                }
            }

            if (name is not null && name != "ping")
            {
                return (name, JsonDocument.Parse(data.Length == 0 ? "{}" : data.ToString()).RootElement.Clone());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
