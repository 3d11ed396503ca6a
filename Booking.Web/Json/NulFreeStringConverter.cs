using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Web.Json;

/// <summary>
/// Reads JSON strings (values and object keys) as usual but refuses a NUL character (<c>\u0000</c>) in them: no field of
/// the API has a use for one, and PostgreSQL can store it neither in <c>text</c> nor in <c>jsonb</c>, so it would otherwise
/// fail deep inside a write. The refusal is a <see cref="JsonException"/>, answered as 400 with the field's path.
/// </summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    public const string Refusal = "A text value contains a NUL character (\\u0000), which the API does not accept.";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    /// <summary>The value, or a <see cref="JsonException"/> if it holds a NUL; for converters of string fields of their own.</summary>
    public static string? Checked(string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException(Refusal)
            : value;
}
