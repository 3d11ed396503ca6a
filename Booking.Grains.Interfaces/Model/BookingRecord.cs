using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>One booking (or hold) of one resource on one local date, as stored and as returned.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.BookingRecord")]
public sealed record BookingRecord
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("resourceId")]
    public required string ResourceId { get; init; }

    /// <summary>The resource's kind, kept on the row so user-level rules and queries need not load the resource.</summary>
    [JsonPropertyName("resourceKind")]
    public ResourceKind ResourceKind { get; init; }

    /// <summary>The local date in the resource's time zone.</summary>
    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    /// <summary>Local start time.</summary>
    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly Start { get; init; }

    /// <summary>Local end time; <c>00:00</c> means midnight at the end of <see cref="Date"/>.</summary>
    [JsonPropertyName("end")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public required TimeOnly End { get; init; }

    [JsonPropertyName("startUtc")]
    public required DateTimeOffset StartUtc { get; init; }

    [JsonPropertyName("endUtc")]
    public required DateTimeOffset EndUtc { get; init; }

    /// <summary>The named period booked (parking), when booked by period.</summary>
    [JsonPropertyName("period")]
    public string? Period { get; init; }

    /// <summary>The booker.</summary>
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("status")]
    public required BookingStatus Status { get; init; }

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Seed-specific fields (Wortis <c>prestation</c>/<c>variant</c>, EduConnect <c>meeting_link</c>, ...).</summary>
    [JsonPropertyName("details")]
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonPropertyName("cancelledAt")]
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Who cancelled: a user id, or <c>system</c> when a hold expired.</summary>
    [JsonPropertyName("cancelledBy")]
    public string? CancelledBy { get; init; }

    [JsonPropertyName("cancelReason")]
    public string? CancelReason { get; init; }

    [JsonPropertyName("checkedInAt")]
    public DateTimeOffset? CheckedInAt { get; init; }

    [JsonPropertyName("idempotencyKey")]
    public string? IdempotencyKey { get; init; }

    /// <summary>The hold this booking came from; a hold keeps its id when it becomes a booking, so this equals <see cref="Id"/>.</summary>
    [JsonPropertyName("holdId")]
    public string? HoldId { get; init; }

    /// <summary>When a pending hold stops holding its place; null for bookings.</summary>
    [JsonPropertyName("holdExpiresAt")]
    public DateTimeOffset? HoldExpiresAt { get; init; }

    /// <summary>
    /// Whether the booking takes its place at <paramref name="now"/>: confirmed, or pending with an unexpired hold.
    /// </summary>
    public bool IsActiveAt(DateTimeOffset now) => Status switch
    {
        BookingStatus.Confirmed => true,
        BookingStatus.Pending => HoldExpiresAt is null || HoldExpiresAt > now,
        _ => false,
    };
}
