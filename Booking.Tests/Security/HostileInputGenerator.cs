using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;

namespace Booking.Tests.Security;

/// <summary>
/// Generates malformed and odd requests for the app's POST and PUT routes. Bodies follow the shape of each route's
/// request type (found by reflection, so new fields and routes are covered) with fields missing, of the wrong type or
/// holding odd values (invalid dates such as 2027-02-30, times such as 25:99, negative durations, huge numbers, control
/// characters, huge strings), and are then often broken at the byte level (invalid UTF-8, truncation, deep nesting,
/// oversized bodies, odd content types).
/// </summary>
internal sealed class HostileInputGenerator(SecurityWorld world, IReadOnlyList<WriteRoute> routes)
{
    /// <summary>Bodies a little over the API's 1 MiB limit.</summary>
    public const int OversizedBytes = (1024 * 1024) + 4096;

    private const int MaxDepth = 4;

    private static readonly string[] OddStrings =
    [
        "", " ", "\t", "\u0000", "nul\u0000inside", "\u0001\u0002\u0003\u001f", "\u007f", "line\nbreak\r\n", "\u202eevil", "\u200b",
        "\ufeff", "\ufffd", "\ud800", "\udfff", "\ud83d\ude00", "e\u0301", "ｆｕｌｌ", "İ", "ß", "%00", "%s%s%n", "{0}", "${jndi:x}",
        "<script>alert(1)</script>", "' OR '1'='1", "\"; --", "../../etc/passwd", "\\", "\"", "null", "undefined", "NaN", "-0",
        "1e999", "0x1F", "true", "[]", "{}", "2027-02-30", "25:99", "24:00", "-01:00", "09:00-08:00", "Europe/Nowhere", "UTC+25",
        new string('a', 257), new string('x', 5000), new string('é', 3000), string.Concat(Enumerable.Repeat("\ud83d\ude00", 2000)),
    ];

    private static readonly string[] OddDates =
    [
        "2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01",
        "-0001-01-01", "2027-2-3", "03/01/2027", "01.03.2027", "2027-03-01T10:00:00Z", "2027-03-01 ", " 2027-03-01", "2027-03-01\u0000",
        "２０２７-03-01", "", "yesterday", "1970-01-01", "2027-W09-1", "+275760-09-13",
    ];

    private static readonly string[] OddTimes =
    [
        "25:99", "24:00", "23:60", "24:01", "-01:00", "9:5", "09:00:00.1234567890", "09h00", "9am", "", "10:00-09:00", "00:00",
        "23:59:60", "12:30:00Z", "12:30+02:00", "99999:00", "0x0A:00", "１０:００", "10:00\u0000",
    ];

    private static readonly string[] OddIntegers =
    [
        "-1", "-60", "0", "-2147483648", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999",
        "1.5", "-0", "1e3", "1e400", "-1e400", "0.0000001", "\"60\"", "\"-60\"", "\"sixty\"",
    ];

    private static readonly string[] OddDecimals =
    [
        "-1", "-0.01", "1e28", "79228162514264337593543950336", "1e400", "-1e400", "1e-400", "0.1234567890123456789012345678901",
        "\"12.5\"", "\"NaN\"", "\"Infinity\"",
    ];

    private static readonly string[] WrongTypes = ["null", "true", "false", "0", "-1", "\"text\"", "[]", "{}", "[null]", "{\"\":null}", "[[[]]]", "1e400"];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-16", "application/json; charset=latin1", "application/json; charset=\"\"", "text/plain",
        "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml", "*/*",
        "application/problem+json", "application/json; charset=utf-8; charset=utf-32", "application/JSON", "application/vnd.api+json",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xC3, 0x28],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82],
    ];

    private static readonly string[] OddIds =
    [
        "x", "0", "-1", "null", "%FF", "%C0%AF", "..%2F..%2Fetc", "%2F", "%20", "%E2%80%AE", "%F0%9F%98%80", "'%20OR%20'1'%3D'1",
        new string('a', 300), new string('b', 5000), "99999999999999999999999999", "00000000000000000000000000000000", "a%0Ab",
    ];

    /// <summary>The requests, as an FsCheck arbitrary (no shrinking: the failure message shows the request whole).</summary>
    public Arbitrary<HostileRequest> Requests() => RequestGen().ToArbitrary();

    private Gen<HostileRequest> RequestGen()
    {
        // Built once per route: a body generator is a sizeable tree of generators.
        var paths = routes.ToDictionary(r => r, PathFor);
        var bodies = routes.ToDictionary(r => r, BodyFor);
        return from route in Gen.Elements(routes.ToArray())
               from caller in Caller(route)
               from path in paths[route]
               from body in bodies[route]
               from headers in Headers()
               select new HostileRequest(route, path, caller, body.Bytes, body.ContentType, body.DeclareLength, headers, body.Shape);
    }

    // Signing out revokes the caller's tokens: only the member kept for that purpose may do it, so the others stay usable.
    private static Gen<string> Caller(WriteRoute route) =>
        route.Template.EndsWith("/logout", StringComparison.Ordinal)
            ? Gen.Elements("sacrificial", "anonymous", "garbage-token")
            : Gen.Frequency(
                (4, Gen.Constant("admin")),
                (3, Gen.Constant("member")),
                (2, Gen.Constant("provider")),
                (1, Gen.Constant("anonymous")),
                (1, Gen.Constant("garbage-token")));

    private Gen<string> PathFor(WriteRoute route)
    {
        if (route.Parameters.Count == 0)
        {
            return Gen.Constant(route.PathWith(_ => string.Empty));
        }

        return from values in Gen.ArrayOf(RouteValue(), route.Parameters.Count)
               select PathFrom(route, values);
    }

    private static string PathFrom(WriteRoute route, string[] values)
    {
        var byName = route.Parameters.Select((name, i) => (name, value: values[i])).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal);
        return route.PathWith(name => byName[name]);
    }

    // Ids of real objects (so requests get past the lookups) and odd ones, already escaped as they travel in a path. No %00:
    // the in-memory test server refuses it before the app (Kestrel answers it with 400 before routing).
    // The admin's own id is left out: demoting the admin would only make the rest of the run less thorough.
    private Gen<string> RouteValue() => Gen.Frequency(
        (6, Gen.Elements(KnownIds)),
        (3, Gen.Elements(OddIds)),
        (1, Gen.Elements(OddDates.Where(d => !d.Contains('\0', StringComparison.Ordinal)).ToArray()).Select(Uri.EscapeDataString)));

    private string[] KnownIds =>
    [
        world.ServiceId, world.OtherServiceId, world.MentorId, world.BookingId, world.SessionId, world.HoldId, world.SiteId,
        world.NotificationId, world.Member.Account.Id, world.Stranger.Account.Id, world.Provider.Account.Id,
    ];

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers() =>
        Gen.Frequency(
            (4, Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([])),
            (1, Gen.Elements("", " ", new string('k', 101), new string('k', 8000), "key\u0001", "ключ", Guid.NewGuid().ToString())
                .Select(value => (IReadOnlyList<KeyValuePair<string, string>>)[new("Idempotency-Key", value)])));

    private sealed record GeneratedBody(byte[]? Bytes, string? ContentType, bool DeclareLength, string Shape);

    private Gen<GeneratedBody> BodyFor(WriteRoute route)
    {
        var json = route.BodyType is { } type
            ? Gen.Frequency(
                (8, ObjectFor(type, 0).Select(text => (text, shape: "fields"))),
                (2, Gen.Elements(WrongTypes).Select(text => (text, shape: "wrong-top-level"))),
                (1, Gen.Constant((text: "", shape: "empty"))))
            : Gen.Frequency(
                (3, Gen.Constant((text: "", shape: "empty"))),
                (2, AnyJson(0).Select(text => (text, shape: "unexpected-body"))));

        return from body in json
               from mutation in Gen.Frequency(
                   (12, Gen.Constant<Func<byte[], (byte[], string)>?>(null)),
                   (8, ByteMutation()))
               from contentType in Gen.Frequency(
                   (12, Gen.Constant<string?>("application/json")),
                   (1, Gen.Constant<string?>(null)),
                   (2, Gen.Elements(ContentTypes).Select(c => (string?)c)))
               from declareLength in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
               let bytes = Encoding.UTF8.GetBytes(body.text)
               let mutated = mutation?.Invoke(bytes)
               select new GeneratedBody(
                   mutated?.Item1 ?? bytes,
                   contentType,
                   declareLength,
                   mutated is { } m ? $"{body.shape}+{m.Item2}" : body.shape);
    }

    private static Gen<Func<byte[], (byte[], string)>?> ByteMutation() =>
        from kind in Gen.Choose(0, 9)
        from position in Gen.Choose(0, 1_000_000)
        from pick in Gen.Choose(0, 1_000)
        from depth in Gen.Elements(65, 200, 1_000, 20_000, 200_000)
        select (Func<byte[], (byte[], string)>?)(bytes => Mutate(bytes, kind, position, pick, depth));

    private static (byte[], string) Mutate(byte[] bytes, int kind, int position, int pick, int depth)
    {
        var at = bytes.Length == 0 ? 0 : position % (bytes.Length + 1);
        switch (kind)
        {
            case 0:
                return (bytes[..at], "truncated");
            case 1:
                return ([.. bytes[..at], .. InvalidUtf8[pick % InvalidUtf8.Length], .. bytes[at..]], "invalid-utf8");
            case 2:
                return ([.. bytes[..at], (byte)(pick % 32), .. bytes[at..]], "raw-control-char");
            case 3:
                return ([0xEF, 0xBB, 0xBF, .. bytes], "bom");
            case 4:
                return ([.. bytes, .. Encoding.UTF8.GetBytes(new[] { ",", "}", "]", "/* c */", "// c", "\u0000", " {\"a\":1}", "garbage" }[pick % 8])], "trailing");
            case 5:
                var open = pick % 2 == 0 ? "[" : "{\"a\":";
                var close = pick % 2 == 0 ? "]" : "}";
                var nested = new StringBuilder(depth * (open.Length + close.Length) + bytes.Length);
                for (var i = 0; i < depth; i++)
                {
                    nested.Append(open);
                }

                nested.Append(bytes.Length == 0 ? "1" : Encoding.UTF8.GetString(bytes));
                for (var i = 0; i < depth; i++)
                {
                    nested.Append(close);
                }

                return (Encoding.UTF8.GetBytes(nested.ToString()), $"nested-{depth}");
            case 6:
                // Whitespace in front keeps the JSON itself valid: only the size is wrong.
                return ([.. Enumerable.Repeat((byte)' ', OversizedBytes), .. bytes], "oversized");
            case 7:
                var quoted = Encoding.UTF8.GetString(bytes).Replace('"', '\'');
                return (Encoding.UTF8.GetBytes(quoted), "single-quotes");
            case 8:
                return (Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes)), "utf16-bytes");
            default:
                var huge = "{\"x\":\"" + new string('z', 900_000) + "\"}";
                return (Encoding.UTF8.GetBytes(huge), "huge-string");
        }
    }

    /// <summary>A JSON object for <paramref name="type"/>: each property present or not, of the right type or not, plus strays.</summary>
    private Gen<string> ObjectFor(Type type, int depth)
    {
        var properties = JsonProperties(type);
        var fields = properties.Select(p =>
            from present in Gen.Frequency((7, Gen.Constant(true)), (3, Gen.Constant(false)))
            from nameForm in Gen.Frequency((10, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
            from value in ValueFor(p.Type, p.Name, depth)
            from twice in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
            select present ? Field(nameForm switch { 1 => p.Name.ToUpperInvariant(), 2 => p.Name + " ", _ => p.Name }, value, twice) : null).ToArray();

        var all = fields.Length == 0 ? Gen.Constant(Array.Empty<string?>()) : Gen.CollectToArray(fields);
        return from chosen in all
               from strays in Gen.Frequency(
                   (6, Gen.Constant(string.Empty)),
                   (1, from name in Gen.Elements("", "$type", "__proto__", "constructor", "id", "userId", "status", "x\u0000y", new string('k', 2000))
                       from value in AnyJson(depth + 1)
                       select Field(name, value, false)))
               select "{" + string.Join(",", chosen.Where(f => f is not null).Append(strays).Where(f => f!.Length > 0)) + "}";
    }

    private static string Field(string name, string value, bool twice)
    {
        var field = Quote(name) + ":" + value;
        return twice ? field + "," + field : field;
    }

    private Gen<string> ValueFor(Type type, string name, int depth)
    {
        var core = Nullable.GetUnderlyingType(type) ?? type;
        return Gen.Frequency(
            (6, Plausible(core, name, depth)),
            (3, Odd(core, name, depth)),
            (1, Gen.Elements(WrongTypes)));
    }

    private Gen<string> Plausible(Type type, string name, int depth)
    {
        var lower = name.ToLowerInvariant();
        if (type == typeof(string))
        {
            return (lower switch
            {
                _ when lower.Contains("email", StringComparison.Ordinal) => Gen.Elements("someone@example.com", "a@b.co", "x@example.com"),
                _ when lower.Contains("date", StringComparison.Ordinal) => Gen.Elements(world.Date, "2027-03-01", world.Date + "T10:00:00", world.Date + "T10:00:00+01:00"),
                _ when lower.Contains("slot", StringComparison.Ordinal) => Gen.Elements("10:00-11:00", "09:00-09:30", "1"),
                _ when lower.Contains("time", StringComparison.Ordinal) && !lower.Contains("zone", StringComparison.Ordinal) => Gen.Elements("09:00", "10:30"),
                _ when lower.Contains("zone", StringComparison.Ordinal) => Gen.Elements("UTC", "Europe/Paris", "America/New_York"),
                _ when lower.EndsWith("id", StringComparison.Ordinal) => Gen.Elements(KnownIds),
                _ when lower.Contains("period", StringComparison.Ordinal) => Gen.Elements("morning", "afternoon", "day"),
                _ when lower.Contains("role", StringComparison.Ordinal) => Gen.Elements("member", "provider"),
                _ when lower.Contains("kind", StringComparison.Ordinal) => Gen.Elements("service", "mentor", "parking_slot"),
                _ when lower.Contains("currency", StringComparison.Ordinal) => Gen.Elements("EUR", "USD"),
                _ when lower.Contains("password", StringComparison.Ordinal) || lower.Contains("token", StringComparison.Ordinal) => Gen.Elements("not-the-password", "short"),
                _ => Gen.Elements("hello", "Trim", "Room 1", "A"),
            }).Select(Quote);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return Gen.Frequency((3, Gen.Elements("0", "1", "3", "30", "60", "90", "120")), (1, Gen.Choose(-5, 200).Select(i => i.ToString(CultureInfo.InvariantCulture))));
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return Gen.Elements("0", "10.5", "25", "-1");
        }

        if (type == typeof(bool))
        {
            return Gen.Elements("true", "false");
        }

        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return Gen.Elements(world.Date, "2027-03-01", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Select(Quote);
        }

        if (type == typeof(TimeOnly) || type == typeof(TimeSpan))
        {
            return Gen.Elements("09:00", "10:00", "11:30", "17:59", "00:00").Select(Quote);
        }

        if (type == typeof(DayOfWeek))
        {
            return Gen.Elements("monday", "sunday", "Friday").Select(Quote);
        }

        if (type.IsEnum)
        {
            return Gen.Elements(Enum.GetNames(type).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)).ToArray()).Select(Quote);
        }

        if (ElementType(type) is { } element)
        {
            return from count in Gen.Choose(0, 3)
                   from items in Gen.ArrayOf(ValueFor(element, name, depth + 1), count)
                   select "[" + string.Join(",", items) + "]";
        }

        if (DictionaryValueType(type) is { } value)
        {
            return from count in Gen.Choose(0, 2)
                   from keys in Gen.ArrayOf(Gen.Elements("morning", "afternoon", "day", "note", "x"), count)
                   from values in Gen.ArrayOf(ValueFor(value, name, depth + 1), count)
                   select "{" + string.Join(",", keys.Select((k, i) => Quote(k) + ":" + values[i])) + "}";
        }

        if (type == typeof(object) || type == typeof(JsonElement))
        {
            return AnyJson(depth + 1);
        }

        return depth >= MaxDepth ? Gen.Constant("{}") : ObjectFor(type, depth + 1);
    }

    private Gen<string> Odd(Type type, string name, int depth)
    {
        if (type == typeof(string))
        {
            var lower = name.ToLowerInvariant();
            var pool = lower.Contains("date", StringComparison.Ordinal) ? OddDates.Concat(OddStrings)
                : lower.Contains("time", StringComparison.Ordinal) || lower.Contains("slot", StringComparison.Ordinal) ? OddTimes.Concat(OddStrings)
                : OddStrings;
            return Gen.Frequency(
                (10, Gen.Elements(pool.ToArray()).Select(Quote)),
                (1, Gen.Elements(100_000, 600_000).Select(n => Quote(new string('s', n)))));
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return Gen.Elements(OddIntegers);
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return Gen.Elements(OddDecimals);
        }

        if (type == typeof(bool))
        {
            return Gen.Elements("\"true\"", "1", "0", "\"yes\"", "TRUE");
        }

        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return Gen.Frequency((5, Gen.Elements(OddDates).Select(Quote)), (1, Gen.Elements("20270301", "-1", "1e10")));
        }

        if (type == typeof(TimeOnly) || type == typeof(TimeSpan))
        {
            return Gen.Frequency((5, Gen.Elements(OddTimes).Select(Quote)), (1, Gen.Elements("900", "-60", "25.99")));
        }

        if (type == typeof(DayOfWeek) || type.IsEnum)
        {
            return Gen.Elements("\"SERVICE\"", "\"unknown\"", "\"\"", "\"monday \"", "\"lundi\"", "7", "-1", "3", "\"3\"", "\"Mon\"", "\"service\\u0000\"");
        }

        if (ElementType(type) is { } element)
        {
            return Gen.OneOf(
                Gen.Constant("[null]"),
                Gen.Constant("[" + string.Join(",", Enumerable.Repeat("null", 5000)) + "]"),
                ValueFor(element, name, MaxDepth).Select(item => "[" + string.Join(",", Enumerable.Repeat(item, Repeats(item, 2000))) + "]"),
                Gen.Constant("{\"0\":1}"));
        }

        if (DictionaryValueType(type) is { } value)
        {
            return Gen.OneOf(
                ValueFor(value, name, MaxDepth).Select(v => "{" + Quote("") + ":" + v + "}"),
                ValueFor(value, name, MaxDepth).Select(v => "{" + Quote("k\u0000") + ":" + v + "," + Quote("k\u0000") + ":" + v + "}"),
                ValueFor(value, name, MaxDepth).Select(v => "{" + string.Join(",", Enumerable.Range(0, Repeats(v, 3000)).Select(i => Quote("k" + i) + ":" + v)) + "}"),
                Gen.Constant("[]"));
        }

        return Gen.Elements("[]", "\"object\"", "null", "{\"\":{}}", "1");
    }

    // Many copies of a small value make a long collection; copies of a large one would only make a body of gigabytes.
    private static int Repeats(string item, int count) => item.Length <= 64 ? count : 2;

    private static Gen<string> AnyJson(int depth) =>
        depth >= MaxDepth
            ? Gen.Elements(WrongTypes)
            : Gen.Frequency(
                (4, Gen.Elements(WrongTypes)),
                (2, Gen.Elements(OddStrings).Select(Quote)),
                (1, Gen.Elements(OddIntegers)),
                (1, from items in Gen.ArrayOf(AnyJson(depth + 1), 2) select "[" + string.Join(",", items) + "]"),
                (1, from key in Gen.Elements(OddStrings) from item in AnyJson(depth + 1) select "{" + Quote(key) + ":" + item + "}"));

    private static IReadOnlyList<(string Name, Type Type)> JsonProperties(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType)),
    ];

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || DictionaryValueType(type) is not null)
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            ?.GetGenericArguments()[1];

    /// <summary>A JSON string literal; control characters and lone surrogates escaped, so the escape itself is what travels.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < 0x20 || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
