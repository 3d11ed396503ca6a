using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Contracts;

/// <summary>A place at a parking site for a date and a named period; the site assigns the slot.</summary>
public sealed record SiteBookingRequest
{
    [Required(ErrorMessage = "A date (YYYY-MM-DD) is required.")]
    public DateOnly? Date { get; init; }

    [Required(ErrorMessage = "A period is required (e.g. morning, afternoon, day).")]
    public string? Period { get; init; }
}
