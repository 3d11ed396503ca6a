using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Model;

/// <summary>
/// A dated exception to the weekly schedule: either the whole date is closed, or its windows replace that weekday's
/// weekly windows (an extra opening on a normally closed day is a date with windows).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
[Immutable]
[Alias("booking.ScheduleException")]
public sealed record ScheduleException
{
    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    [JsonPropertyName("closed")]
    public bool Closed { get; init; }

    [JsonPropertyName("windows")]
    public IReadOnlyList<TimeWindow> Windows { get; init; } = [];

    public static ScheduleException ClosedOn(DateOnly date) => new() { Date = date, Closed = true };

    public static ScheduleException OpenOn(DateOnly date, params TimeWindow[] windows) => new() { Date = date, Windows = windows };
}
