using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>What a resource is; serialized as <c>mentor</c>, <c>parking_slot</c> or <c>service</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceKind>))]
[GenerateSerializer]
[Alias("booking.ResourceKind")]
public enum ResourceKind
{
    /// <summary>A person who gives sessions (EduConnect).</summary>
    [JsonStringEnumMemberName("mentor")]
    Mentor,

    /// <summary>One parking place of a site (FlexPark).</summary>
    [JsonStringEnumMemberName("parking_slot")]
    ParkingSlot,

    /// <summary>A bookable service, possibly with several chairs (Wortis).</summary>
    [JsonStringEnumMemberName("service")]
    Service,
}
