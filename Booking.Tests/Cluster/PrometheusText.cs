using System.Globalization;

namespace Booking.Tests.Cluster;

/// <summary>Reads samples out of a process's <c>/metrics</c> (Prometheus text format).</summary>
internal static class PrometheusText
{
    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/> (<c>name="value"</c>).</summary>
    public static async Task<double> SumAsync(HttpClient client, string metric, params string[] labels)
    {
        var text = await client.GetStringAsync("/metrics");
        var sum = 0d;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric + "{", StringComparison.Ordinal) && !line.StartsWith(metric + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var closing = line.LastIndexOf('}');
            var labelText = closing > 0 ? line[..closing] : string.Empty;
            if (labels.All(l => labelText.Contains(l, StringComparison.Ordinal)))
            {
                var value = line[((closing > 0 ? closing : metric.Length) + 1)..].Trim().Split(' ')[0];
                sum += double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
