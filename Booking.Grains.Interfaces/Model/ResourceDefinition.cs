using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>Everything the booking rules need to know about one bookable resource (a mentor, a parking slot, a service).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ResourceDefinition")]
public sealed record ResourceDefinition
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("kind")]
    public required ResourceKind Kind { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The user who owns the resource (the mentor, the provider, the parking manager).</summary>
    [JsonPropertyName("ownerId")]
    public string? OwnerId { get; init; }

    /// <summary>The group it belongs to: a parking site, a business.</summary>
    [JsonPropertyName("parentId")]
    public string? ParentId { get; init; }

    /// <summary>How many bookings may overlap at any instant (3 chairs = 3).</summary>
    [JsonPropertyName("capacity")]
    public int Capacity { get; init; } = 1;

    /// <summary>IANA time zone id; all local dates and times of this resource are wall-clock times there.</summary>
    [JsonPropertyName("timeZone")]
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Slot granularity: booked starts and ends lie on a grid of this many minutes from local midnight.</summary>
    [JsonPropertyName("slotMinutes")]
    public int SlotMinutes { get; init; } = 30;

    /// <summary>Allowed booking lengths in minutes; empty = any multiple of <see cref="SlotMinutes"/>.</summary>
    [JsonPropertyName("durations")]
    public IReadOnlyList<int> Durations { get; init; } = [];

    /// <summary>Named periods (parking: morning, afternoon, day) bookable by name.</summary>
    [JsonPropertyName("periods")]
    public IReadOnlyDictionary<string, TimeWindow> Periods { get; init; } = new Dictionary<string, TimeWindow>();

    [JsonPropertyName("weekly")]
    public IReadOnlyList<WeeklyWindow> Weekly { get; init; } = [];

    [JsonPropertyName("exceptions")]
    public IReadOnlyList<ScheduleException> Exceptions { get; init; } = [];

    /// <summary>How many days ahead (in the resource's zone) a booking may be made; null = no limit.</summary>
    [JsonPropertyName("bookingWindowDays")]
    public int? BookingWindowDays { get; init; } = 90;

    /// <summary>A booking must start at least this many minutes from now.</summary>
    [JsonPropertyName("minNoticeMinutes")]
    public int MinNoticeMinutes { get; init; }

    /// <summary>The booker may cancel until this many minutes before the start; owners and admins at any time.</summary>
    [JsonPropertyName("cancellationCutoffMinutes")]
    public int CancellationCutoffMinutes { get; init; }

    [JsonPropertyName("price")]
    public decimal? Price { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>An inactive resource takes no new bookings; existing bookings stay.</summary>
    [JsonPropertyName("active")]
    public bool Active { get; init; } = true;

    /// <summary>Bumped by every change; caches of the definition compare it.</summary>
    [JsonPropertyName("version")]
    public long Version { get; init; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset UpdatedAt { get; init; }
}
