using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Bench.Targets.Http;

/// <summary>The body of <c>POST /api/v1/bookings</c> as Booking.Web takes it; the baselines' HTTP endpoint takes the same.</summary>
internal sealed record HttpBookingBody
{
    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    [JsonPropertyName("period")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Period { get; init; }

    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimeOnly? Start { get; init; }

    [JsonPropertyName("durationMinutes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DurationMinutes { get; init; }
}
