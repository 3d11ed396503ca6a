using System.ComponentModel.DataAnnotations;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts;

/// <summary>
/// A resource to create, or the new version of one (PUT replaces every field; an absent schedule keeps the current one).
/// Only <c>kind</c> and <c>name</c> are required; the rest defaults as documented.
/// </summary>
public sealed record ResourceRequest
{
    /// <summary><c>mentor</c>, <c>parking_slot</c> or <c>service</c>.</summary>
    [Required(ErrorMessage = "A kind is required: mentor, parking_slot or service.")]
    public ResourceKind? Kind { get; init; }

    [Required(ErrorMessage = "A name is required.")]
    [StringLength(200, ErrorMessage = "The name must be at most 200 characters long.")]
    public string? Name { get; init; }

    /// <summary>The owning user (admins only; a provider always owns what they create).</summary>
    public string? OwnerId { get; init; }

    public string? ParentId { get; init; }

    /// <summary>Default 1.</summary>
    [Range(1, 10_000, ErrorMessage = "The capacity must be between 1 and 10000.")]
    public int? Capacity { get; init; }

    /// <summary>IANA zone id, default UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Default 30.</summary>
    [Range(1, 1440, ErrorMessage = "slotMinutes must be between 1 and 1440.")]
    public int? SlotMinutes { get; init; }

    public IReadOnlyList<int>? Durations { get; init; }

    /// <summary>Named periods, e.g. <c>{"morning": {"start": "08:00", "end": "12:00"}}</c>.</summary>
    public IReadOnlyDictionary<string, TimeWindow>? Periods { get; init; }

    /// <summary>Default 90.</summary>
    [Range(0, 3660, ErrorMessage = "bookingWindowDays must be between 0 and 3660.")]
    public int? BookingWindowDays { get; init; }

    [Range(0, 525_600, ErrorMessage = "minNoticeMinutes must be between 0 and 525600.")]
    public int? MinNoticeMinutes { get; init; }

    [Range(0, 525_600, ErrorMessage = "cancellationCutoffMinutes must be between 0 and 525600.")]
    public int? CancellationCutoffMinutes { get; init; }

    [Range(0, 1_000_000_000, ErrorMessage = "The price must not be negative.")]
    public decimal? Price { get; init; }

    [StringLength(3, MinimumLength = 3, ErrorMessage = "The currency is a 3-letter ISO 4217 code.")]
    public string? Currency { get; init; }

    [StringLength(100, ErrorMessage = "The category must be at most 100 characters long.")]
    public string? Category { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Weekly opening windows (may also be set with PUT /schedule).</summary>
    public IReadOnlyList<WeeklyWindow>? Weekly { get; init; }

    public IReadOnlyList<ScheduleException>? Exceptions { get; init; }
}
