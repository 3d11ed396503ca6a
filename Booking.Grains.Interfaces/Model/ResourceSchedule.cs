using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>A resource's availability: weekly windows and dated exceptions (the body of <c>PUT /resources/{id}/schedule</c>).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ResourceSchedule")]
public sealed record ResourceSchedule
{
    [JsonPropertyName("weekly")]
    public IReadOnlyList<WeeklyWindow> Weekly { get; init; } = [];

    [JsonPropertyName("exceptions")]
    public IReadOnlyList<ScheduleException> Exceptions { get; init; } = [];
}
