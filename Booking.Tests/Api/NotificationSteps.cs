using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Booking.Tests.Api;

/// <summary>Reading a user's in-app notifications over /api/v1/notifications.</summary>
internal static class NotificationSteps
{
    public static async Task<JsonElement> ReadNotificationsAsync(this HttpClient client, string token, string query = "")
    {
        var response = await client.SendAsync(HttpMethod.Get, "/api/v1/notifications" + query, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Booking notifications are delivered after the booking's answer, so they may land a moment later.</summary>
    public static async Task<JsonElement> WaitForNotificationAsync(this HttpClient client, string token, string kind, string? bookingId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var inbox = await client.ReadNotificationsAsync(token);
            var match = inbox.GetProperty("items").EnumerateArray()
                .FirstOrDefault(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("bookingId").GetString() == bookingId);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {kind} notification for booking {bookingId} within 15 s");
            await Task.Delay(50);
        }
    }
}
