namespace Booking.Grains.Messages;

/// <summary>The languages messages are written in: French (the seeds' language, the default) and English.</summary>
public static class MessageLanguages
{
    public const string French = "fr";
    public const string English = "en";
    public const string Default = French;

    public static readonly IReadOnlyList<string> All = [French, English];

    /// <summary>Whether <paramref name="language"/> is one of <see cref="All"/>.</summary>
    public static bool IsSupported(string? language) => language is French or English;

    /// <summary>
    /// The best supported language of an <c>Accept-Language</c> header (quality values honoured, <c>fr-CA</c> counts as
    /// <c>fr</c>); <see cref="Default"/> when it names none of them.
    /// </summary>
    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Default;
        }

        var best = Default;
        var bestQuality = -1.0;
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var tag = pieces[0].Split('-')[0].ToLowerInvariant();
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(parameter[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            if (IsSupported(tag) && quality > bestQuality && quality > 0)
            {
                best = tag;
                bestQuality = quality;
            }
        }

        return best;
    }
}
