using System.Text.Json.Nodes;
using Booking.Bench.Measurement;
using Booking.Bench.Scenarios;
using Booking.Bench.Targets;

namespace Booking.Bench.Reporting;

/// <summary>Reads back what <see cref="JsonReport"/> wrote, so several runs can be drawn in one chart.</summary>
internal static class JsonReportReader
{
    public static async Task<ComparisonReport> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))
            ?? throw new InvalidDataException($"{path} is empty.");
        return new ComparisonReport
        {
            Scenario = Enum.Parse<ScenarioKind>(json["scenario"]!.GetValue<string>(), ignoreCase: true),
            Description = json["description"]!.GetValue<string>(),
            Command = json["command"]!.GetValue<string>(),
            StartedAt = json["startedAt"]!.GetValue<DateTimeOffset>(),
            Cores = json["cores"]!.GetValue<int>(),
            Results = [.. json["results"]!.AsArray().Select(r => Result(r!))],
        };
    }

    private static TargetResult Result(JsonNode r)
    {
        var latency = r["latencyMs"]!;
        var audit = r["audit"]!;
        return new TargetResult
        {
            Target = r["target"]!.GetValue<string>(),
            IsBaseline = r["baseline"]!.GetValue<bool>(),
            Requests = r["requests"]!.GetValue<int>(),
            Settled = r["settled"]!.GetValue<int>(),
            Confirmed = r["confirmed"]!.GetValue<int>(),
            Conflicts = r["conflicts"]!.GetValue<int>(),
            UserConflicts = r["userConflicts"]!.GetValue<int>(),
            Refused = r["refused"]!.GetValue<int>(),
            Failed = r["failed"]!.GetValue<int>(),
            ElapsedSeconds = r["elapsedSeconds"]!.GetValue<double>(),
            Latency = new LatencyStats(Number(latency["p50"]), Number(latency["p95"]), Number(latency["p99"]), Number(latency["max"])),
            StatementsPerRequest = Number(r["statementsPerRequest"]),
            RoundTripsPerRequest = Number(r["roundTripsPerRequest"]),
            StatementsPerRejection = r["statementsPerRefusal"]?.GetValue<double>(),
            Audit = new AuditResult(
                audit["confirmedRows"]!.GetValue<long>(),
                audit["doubleBookings"]!.GetValue<long>(),
                audit["personalDoubleBookings"]!.GetValue<long>(),
                audit["source"]!.GetValue<string>()),
            WarmupConfirmed = audit["warmupConfirmed"]!.GetValue<int>(),
            Errors = [.. r["errors"]!.AsArray().Select(e => e!.GetValue<string>())],
        };
    }

    private static double Number(JsonNode? node) => node?.GetValue<double>() ?? double.NaN;
}
