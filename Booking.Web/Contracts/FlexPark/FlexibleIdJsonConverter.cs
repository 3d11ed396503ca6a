using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Web.Json;

namespace Booking.Web.Contracts.FlexPark;

/// <summary>
/// Reads an id given as a JSON string or a JSON integer (FlexPark's ids were SERIALs; the engine's are strings, and a
/// client that echoes the ids it was given sends strings), and writes it as a string.
/// </summary>
public sealed class FlexibleIdJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => NulFreeStringConverter.Checked(reader.GetString()),
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("An id is a string or an integer."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
