using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Tests.Api.Compat;

/// <summary>What a seed application's client does over HTTP, in one call each, and how it reads the answers.</summary>
internal static class CompatHttp
{
    /// <summary>Asserts a 2xx answer.</summary>
    public static async Task EnsureSuccessAsync(this HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// Asserts a seed error: the status, an RFC 9457 problem with the engine's stable code and a detail, and the seed's own
    /// error fields (<c>error</c>, and <c>success: false</c> for Wortis) when asked for.
    /// </summary>
    public static async Task<JsonElement> AssertSeedErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null, bool error = false, bool success = false)
    {
        var body = await response.JsonAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, body.GetProperty("code").GetString());
        }

        if (error)
        {
            Assert.Equal(body.GetProperty("detail").GetString(), body.GetProperty("error").GetString());
        }

        if (success)
        {
            Assert.False(body.GetProperty("success").GetBoolean());
        }

        return body;
    }

    /// <summary>The engine's grains of <paramref name="host"/>, for arranging what a seed's own routes cannot create.</summary>
    public static IGrainFactory Grains(this ApiHost host) => host.Services.GetRequiredService<IGrainFactory>();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>A date <paramref name="days"/> ahead of today (UTC), as YYYY-MM-DD.</summary>
    public static string DaysAhead(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
