using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>A bookable start, as the seed's slot algorithm returns it (local date-time of the mentor).</summary>
public sealed record EduConnectSlot(
    [property: JsonPropertyName("datetime")] string DateTime,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("day_name")] string DayName,
    [property: JsonPropertyName("available")] bool Available);
