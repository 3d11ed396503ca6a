using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Web.Contracts;

/// <summary>
/// A booking or hold: <c>date</c> plus exactly one of <c>start</c>+<c>end</c>, <c>period</c>, or <c>start</c>+<c>durationMinutes</c>
/// (local times <c>HH:mm</c> in the resource's zone). With <c>holdId</c>, the hold's time is used.
/// </summary>
public sealed record BookingRequest
{
    [Required(ErrorMessage = "A resourceId is required.")]
    [StringLength(100, ErrorMessage = "The resourceId is at most 100 characters long.")]
    public string? ResourceId { get; init; }

    /// <summary><c>YYYY-MM-DD</c>, the resource's local date.</summary>
    [Required(ErrorMessage = "A date (YYYY-MM-DD) is required.")]
    public DateOnly? Date { get; init; }

    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public TimeOnly? Start { get; init; }

    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public TimeOnly? End { get; init; }

    public string? Period { get; init; }

    [Range(1, 1440, ErrorMessage = "durationMinutes must be between 1 and 1440.")]
    public int? DurationMinutes { get; init; }

    [StringLength(200, ErrorMessage = "The subject must be at most 200 characters long.")]
    public string? Subject { get; init; }

    [StringLength(2000, ErrorMessage = "The notes must be at most 2000 characters long.")]
    public string? Notes { get; init; }

    public IReadOnlyDictionary<string, string>? Details { get; init; }

    /// <summary>A live hold of the caller to turn into this booking.</summary>
    public string? HoldId { get; init; }
}
