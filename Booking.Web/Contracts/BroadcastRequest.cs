using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts;

/// <summary>Body of <c>POST /api/v1/notifications/broadcast</c>.</summary>
public sealed record BroadcastRequest
{
    /// <summary>Only people with an active booking at this parking site from today on; everyone when absent.</summary>
    [JsonPropertyName("siteId")]
    [StringLength(100)]
    public string? SiteId { get; init; }

    [JsonPropertyName("title")]
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public required string Title { get; init; }

    [JsonPropertyName("message")]
    [Required]
    [StringLength(2000, MinimumLength = 1)]
    public required string Message { get; init; }
}
