using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>The body of FlexPark's <c>POST /parkings</c> (admin): a site and its slots, numbered 1..total_slots unless named.</summary>
public sealed record FlexParkCreateParkingRequest
{
    [JsonPropertyName("site_name")]
    [Required(ErrorMessage = "site_name is required.")]
    [StringLength(255, MinimumLength = 1, ErrorMessage = "site_name must be 1 to 255 characters long.")]
    public string? SiteName { get; init; }

    [JsonPropertyName("address")]
    [StringLength(1000, ErrorMessage = "address must be at most 1000 characters long.")]
    public string? Address { get; init; }

    /// <summary>How many slots, numbered 1..n; or give <see cref="SlotNumbers"/>.</summary>
    [JsonPropertyName("total_slots")]
    [Range(1, 1000, ErrorMessage = "total_slots must be 1 to 1000.")]
    public int? TotalSlots { get; init; }

    /// <summary>The slots' painted numbers (<c>slot_number</c>), instead of <see cref="TotalSlots"/>.</summary>
    [JsonPropertyName("slot_numbers")]
    [MaxLength(1000, ErrorMessage = "At most 1000 slot_numbers.")]
    public IReadOnlyList<string>? SlotNumbers { get; init; }

    /// <summary>IANA time zone of the site; UTC when absent.</summary>
    [JsonPropertyName("time_zone")]
    [StringLength(64, ErrorMessage = "time_zone must be at most 64 characters long.")]
    public string? TimeZone { get; init; }
}
