using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>The body of FlexPark's <c>POST /notifications/send</c> (admin): a message, site-wide when a parking is named.</summary>
public sealed record FlexParkNotificationRequest
{
    [JsonPropertyName("title")]
    [StringLength(200, ErrorMessage = "title must be at most 200 characters long.")]
    public string? Title { get; init; }

    [JsonPropertyName("message")]
    [Required(ErrorMessage = "message is required.")]
    [StringLength(2000, MinimumLength = 1, ErrorMessage = "message must be 1 to 2000 characters long.")]
    public string? Message { get; init; }

    /// <summary>Only the employees with a reservation at this parking; everyone when absent.</summary>
    [JsonPropertyName("parking_id")]
    [JsonConverter(typeof(FlexibleIdJsonConverter))]
    [StringLength(100, ErrorMessage = "parking_id must be at most 100 characters long.")]
    public string? ParkingId { get; init; }
}
