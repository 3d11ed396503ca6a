using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Web.Errors;

/// <summary>
/// Validation reports errors under .NET member paths (<c>ServiceName</c>, <c>Availabilities[0].StartTime</c>); clients
/// know the JSON names (<c>service_name</c>, <c>availabilities[0].start_time</c>). This rewrites a path member by member:
/// a member's <see cref="JsonPropertyNameAttribute"/> when the request type declares one, camelCase otherwise.
/// </summary>
internal static class ValidationErrorKeys
{
    private static readonly ConcurrentDictionary<(Type, string), string> Cache = new();

    public static string ToJsonPath(Type? requestType, string key) =>
        Cache.GetOrAdd((requestType ?? typeof(object), key), static k => Convert(k.Item1, k.Item2));

    private static string Convert(Type type, string key)
    {
        var segments = key.Split('.');
        Type? current = type;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var property = current?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            var jsonName = property?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(name);
            segments[i] = bracket < 0 ? jsonName : jsonName + segment[bracket..];
            current = property is null ? null : bracket < 0 ? property.PropertyType : ElementType(property.PropertyType);
        }

        return string.Join('.', segments);
    }

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
