using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A status change after booking; serialized as <c>check_in</c>, <c>complete</c> or <c>no_show</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookingStatusChange>))]
[GenerateSerializer]
[Alias("booking.BookingStatusChange")]
public enum BookingStatusChange
{
    /// <summary>The booker has arrived (status stays confirmed, check-in time recorded).</summary>
    [JsonStringEnumMemberName("check_in")]
    CheckIn,

    /// <summary>The booking took place.</summary>
    [JsonStringEnumMemberName("complete")]
    Complete,

    /// <summary>The booker did not come.</summary>
    [JsonStringEnumMemberName("no_show")]
    NoShow,
}
