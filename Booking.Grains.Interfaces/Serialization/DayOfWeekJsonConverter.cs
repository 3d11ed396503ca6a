using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Serialization;

/// <summary>Writes <see cref="DayOfWeek"/> as a lower-case English name (<c>"monday"</c>), as the schedule API does; numbers are refused.</summary>
public sealed class DayOfWeekJsonConverter() : JsonStringEnumConverter<DayOfWeek>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
