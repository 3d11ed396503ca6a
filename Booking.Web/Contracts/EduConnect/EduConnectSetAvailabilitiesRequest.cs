using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Booking.Web.Validation;

namespace Booking.Web.Contracts.EduConnect;

/// <summary>The body of <c>POST /api/mentors/availabilities</c>: the calling mentor's whole weekly set.</summary>
public sealed record EduConnectSetAvailabilitiesRequest
{
    [JsonPropertyName("availabilities")]
    [Required(ErrorMessage = "availabilities is required (a list, possibly empty).")]
    [MaxLength(100, ErrorMessage = "At most 100 availabilities.")]
    [NoNullItems(ErrorMessage = "availabilities must not contain null items.")]
    public IReadOnlyList<EduConnectAvailabilityInput>? Availabilities { get; init; }
}
