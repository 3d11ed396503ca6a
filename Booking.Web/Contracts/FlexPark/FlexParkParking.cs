using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>A parking (the engine's parking site) with the columns of FlexPark's <c>parkings</c> table.</summary>
public sealed record FlexParkParking(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("site_name")] string SiteName,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("total_slots")] int TotalSlots,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    public static FlexParkParking From(SiteSummary site) => new(site.Id, site.Name, site.Address, site.SlotCount, site.CreatedAt);
}
