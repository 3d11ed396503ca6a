using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Booking.Grains.Diagnostics;
using Booking.Silo.Diagnostics;

namespace Booking.Web.Observability;

/// <summary>
/// Collects the engine's System.Diagnostics.Metrics instruments (runtime, booking domain, ASP.NET Core's HTTP server
/// duration) with a <see cref="MeterListener"/> and renders them in the Prometheus text exposition format.
/// Counters become <c>_total</c>, up-down counters gauges, histograms cumulative buckets with <c>_sum</c>/<c>_count</c>.
/// </summary>
internal sealed class PrometheusMetrics : IDisposable
{
    private static readonly HashSet<string> Meters = [StorageMetrics.MeterName, BookingMetrics.MeterName, "Microsoft.AspNetCore.Hosting"];
    private static readonly HashSet<string> AspNetInstruments = ["http.server.request.duration"];
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] CountBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Family> _families = new(StringComparer.Ordinal);

    public PrometheusMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Meters.Contains(instrument.Meter.Name)
                && (instrument.Meter.Name != "Microsoft.AspNetCore.Hosting" || AspNetInstruments.Contains(instrument.Name)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The current values in Prometheus text format (version 0.0.4).</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            family.Write(text);
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var family = _families.GetOrAdd(instrument.Name, static (_, i) => Family.For(i), instrument);
        family.Record(Labels(tags), value);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            pairs.Add($"{Sanitize(tag.Key)}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private sealed class Family(string name, string kind, string help, double[]? buckets)
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

        public string Name { get; } = name;

        public static Family For(Instrument instrument)
        {
            var name = Sanitize(instrument.Name);
            var help = instrument.Description ?? instrument.Name;
            return instrument switch
            {
                Counter<long> or Counter<int> or Counter<double> => new Family(name + "_total", "counter", help, null),
                UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double> => new Family(name, "gauge", help, null),
                _ when instrument.Unit == "s" => new Family(name + "_seconds", "histogram", help, SecondsBuckets),
                _ => new Family(name, "histogram", help, CountBuckets),
            };
        }

        public void Record(string labels, double value) => _series.GetOrAdd(labels, _ => new Series(buckets)).Record(value);

        public void Write(StringBuilder text)
        {
            text.Append("# HELP ").Append(Name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(Name).Append(' ').Append(kind).Append('\n');
            foreach (var (labels, series) in _series.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                series.Write(text, Name, labels, buckets);
            }
        }
    }

    private sealed class Series(double[]? buckets)
    {
        private readonly Lock _lock = new();
        private readonly long[] _bucketCounts = new long[(buckets?.Length ?? 0) + 1];
        private double _sum;
        private long _count;

        public void Record(double value)
        {
            lock (_lock)
            {
                _sum += value;
                _count++;
                if (buckets is not null)
                {
                    var index = Array.FindIndex(buckets, b => value <= b);
                    _bucketCounts[index < 0 ? buckets.Length : index]++;
                }
            }
        }

        public void Write(StringBuilder text, string name, string labels, double[]? bucketBounds)
        {
            lock (_lock)
            {
                if (bucketBounds is null)
                {
                    text.Append(name).Append(Braces(labels)).Append(' ').Append(Format(_sum)).Append('\n');
                    return;
                }

                long cumulative = 0;
                for (var i = 0; i <= bucketBounds.Length; i++)
                {
                    cumulative += _bucketCounts[i];
                    var le = i < bucketBounds.Length ? Format(bucketBounds[i]) : "+Inf";
                    var bucketLabels = labels.Length == 0 ? $"le=\"{le}\"" : $"{labels},le=\"{le}\"";
                    text.Append(name).Append("_bucket{").Append(bucketLabels).Append("} ").Append(cumulative).Append('\n');
                }

                text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').Append(Format(_sum)).Append('\n');
                text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').Append(_count).Append('\n');
            }
        }

        private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

        private static string Format(double value) => value.ToString("G17", CultureInfo.InvariantCulture);
    }
}
