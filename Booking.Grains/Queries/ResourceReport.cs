using System.Text.Json.Serialization;
using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Queries;

/// <summary>
/// A resource's figures over a range of local dates: the counts of <see cref="BookingStats"/>, its occupancy against its
/// schedule and its revenue. Built from the bookings table's aggregate and the resource's definition, never from grains
/// of single days.
/// </summary>
public sealed record ResourceReport
{
    /// <summary>The longest range a report covers, in dates.</summary>
    public const int MaxDays = 366;

    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    [JsonPropertyName("from")]
    public required DateOnly From { get; init; }

    [JsonPropertyName("to")]
    public required DateOnly To { get; init; }

    /// <summary>Bookings made (confirmed at some point), whatever became of them since; unconfirmed holds are not bookings.</summary>
    [JsonPropertyName("bookings")]
    public required long Bookings { get; init; }

    [JsonPropertyName("confirmed")]
    public required long Confirmed { get; init; }

    [JsonPropertyName("completed")]
    public required long Completed { get; init; }

    [JsonPropertyName("cancellations")]
    public required long Cancellations { get; init; }

    [JsonPropertyName("noShows")]
    public required long NoShows { get; init; }

    /// <summary>Holds still waiting to be confirmed, released or expired.</summary>
    [JsonPropertyName("pendingHolds")]
    public required long PendingHolds { get; init; }

    [JsonPropertyName("occupancy")]
    public required ResourceOccupancy Occupancy { get; init; }

    /// <summary>Null when the resource has no price.</summary>
    [JsonPropertyName("revenue")]
    public ResourceRevenue? Revenue { get; init; }

    public static ResourceReport For(ResourceDefinition resource, BookingStats stats)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(stats);
        var available = ScheduleCalendar.OpenMinutes(resource, stats.From, stats.To) * resource.Capacity;
        var billed = stats.Confirmed + stats.Completed;
        return new ResourceReport
        {
            ResourceId = stats.ResourceId,
            From = stats.From,
            To = stats.To,
            Bookings = stats.Bookings,
            Confirmed = stats.Confirmed,
            Completed = stats.Completed,
            Cancellations = stats.Cancellations,
            NoShows = stats.NoShows,
            PendingHolds = stats.PendingHolds,
            Occupancy = new ResourceOccupancy
            {
                OccupiedMinutes = stats.OccupiedMinutes,
                AvailableMinutes = available,
                Ratio = available > 0 ? Math.Round((double)stats.OccupiedMinutes / available, 4) : null,
            },
            Revenue = resource.Price is { } price
                ? new ResourceRevenue { Amount = billed * price, Currency = resource.Currency, UnitPrice = price, BilledBookings = billed }
                : null,
        };
    }
}
