using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A booking's status; serialized as <c>pending</c>, <c>confirmed</c>, <c>cancelled</c>, <c>completed</c> or <c>no_show</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookingStatus>))]
[GenerateSerializer]
[Alias("booking.BookingStatus")]
public enum BookingStatus
{
    /// <summary>A hold: takes its place until it is confirmed, released or expires.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>A booking that holds its place.</summary>
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,

    /// <summary>Cancelled by the booker, the owner, or released when a hold expired; frees its place.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    /// <summary>Took place.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The booker did not come; frees the rest of its place.</summary>
    [JsonStringEnumMemberName("no_show")]
    NoShow,
}
