using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Grains.Interfaces.Serialization;

/// <summary>
/// Writes a local wall-clock time as <c>HH:mm</c> (the API's format; <c>HH:mm:ss</c> only when seconds are set)
/// and reads <c>HH:mm</c> or <c>HH:mm:ss</c>.
/// </summary>
public sealed class LocalTimeJsonConverter : JsonConverter<TimeOnly>
{
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "H:mm"];

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null
            && TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        throw new JsonException($"'{text}' is not a local time (expected HH:mm).");
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(value.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
}
