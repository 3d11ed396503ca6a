using System.Text.Json;
using System.Text.Json.Nodes;

namespace Booking.Bench.Reporting;

/// <summary>Writes a run's figures as JSON: the same numbers as the table, plus the workload and the ratio.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static async Task WriteAsync(ComparisonReport report, string path, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["scenario"] = report.Scenario.ToString().ToLowerInvariant(),
            ["description"] = report.Description,
            ["command"] = report.Command,
            ["startedAt"] = report.StartedAt,
            ["cores"] = report.Cores,
            ["results"] = new JsonArray([.. report.Results.Select(r => (JsonNode)new JsonObject
            {
                ["target"] = r.Target,
                ["baseline"] = r.IsBaseline,
                ["requests"] = r.Requests,
                ["settled"] = r.Settled,
                ["confirmed"] = r.Confirmed,
                ["conflicts"] = r.Conflicts,
                ["userConflicts"] = r.UserConflicts,
                ["refused"] = r.Refused,
                ["failed"] = r.Failed,
                ["elapsedSeconds"] = r.ElapsedSeconds,
                ["settledPerSecond"] = r.SettledPerSecond,
                ["confirmedPerSecond"] = r.ConfirmedPerSecond,
                ["latencyMs"] = new JsonObject { ["p50"] = Number(r.Latency.P50Ms), ["p95"] = Number(r.Latency.P95Ms), ["p99"] = Number(r.Latency.P99Ms), ["max"] = Number(r.Latency.MaxMs) },
                ["statementsPerRequest"] = Number(r.StatementsPerRequest),
                ["roundTripsPerRequest"] = Number(r.RoundTripsPerRequest),
                ["statementsPerRefusal"] = r.StatementsPerRejection,
                ["audit"] = new JsonObject
                {
                    ["source"] = r.Audit.Source,
                    ["confirmedRows"] = r.Audit.ConfirmedRows,
                    ["doubleBookings"] = r.Audit.DoubleBookings,
                    ["personalDoubleBookings"] = r.Audit.UserDoubleBookings,
                    ["warmupConfirmed"] = r.WarmupConfirmed,
                },
                ["correct"] = r.IsCorrect,
                ["errors"] = new JsonArray([.. r.Errors.Select(e => (JsonNode)JsonValue.Create(e))]),
            })]),
            ["bestCorrectBaseline"] = report.BestCorrectBaseline?.Target,
            ["engineOverBestCorrectBaseline"] = report.ThroughputRatio,
        };

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, json.ToJsonString(Options) + "\n", cancellationToken);
    }

    // JSON has no NaN: a latency without samples is null.
    private static JsonNode? Number(double value) => double.IsNaN(value) ? null : JsonValue.Create(value);
}
