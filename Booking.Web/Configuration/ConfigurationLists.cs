namespace Booking.Web.Configuration;

/// <summary>Reads a list setting given either as a comma-separated value (environment variables) or as an array (JSON files).</summary>
internal static class ConfigurationLists
{
    public static IReadOnlyList<string> Read(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return
        [
            .. values
                .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];
    }
}
