using System.Globalization;
using Booking.Bench.Measurement;
using Spectre.Console;

namespace Booking.Bench.Reporting;

/// <summary>Prints a run's figures as one table, and the closing throughput-ratio line.</summary>
internal static class ResultTable
{
    public static void Write(ComparisonReport report)
    {
        var table = new Table().Title($"[bold]{report.Scenario.ToString().ToLowerInvariant()}[/]: {Markup.Escape(report.Description)}");
        table.AddColumn("target");
        foreach (var column in new[] { "settled/s", "confirmed", "conflicts", "p50 ms", "p95 ms", "p99 ms", "double bookings (audit)", "stmts/req", "round trips/req", "stmts/refusal" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var result in report.Results)
        {
            table.AddRow(
                Markup.Escape(result.Target),
                N0(result.SettledPerSecond),
                N0(result.Confirmed) + (result.Failed > 0 ? $" [red]({N0(result.Failed)} failed)[/]" : string.Empty),
                N0(result.Conflicts + result.UserConflicts + result.Refused),
                Ms(result.Latency.P50Ms),
                Ms(result.Latency.P95Ms),
                Ms(result.Latency.P99Ms),
                Audit(result),
                F2(result.StatementsPerRequest),
                F2(result.RoundTripsPerRequest),
                result.StatementsPerRejection is { } perRefusal ? F2(perRefusal) : "–");
        }

        AnsiConsole.Write(table);
        foreach (var result in report.Results.Where(r => r.Errors.Count > 0))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(result.Target)} errors:[/] {Markup.Escape(string.Join(" | ", result.Errors))}");
        }

        foreach (var result in report.Results.Where(r => r.Audit.ConfirmedRows != r.Confirmed + r.WarmupConfirmed))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(result.Target)}: {N0(result.Confirmed + result.WarmupConfirmed)} reported confirmed, {N0(result.Audit.ConfirmedRows)} confirmed in the database ({Markup.Escape(result.Audit.Source)})[/]");
        }
    }

    /// <summary>The run's last line: the engine's throughput over the best correct baseline's.</summary>
    public static string RatioLine(ComparisonReport report) => (report.Engine, report.BestCorrectBaseline) switch
    {
        ({ } engine, { } best) => string.Create(CultureInfo.InvariantCulture,
            $"engine/best-correct-baseline throughput ratio: {report.ThroughputRatio:0.00}x ({engine.Target} {engine.SettledPerSecond:N0}/s vs {best.Target} {best.SettledPerSecond:N0}/s settled bookings)"),
        ({ } engine, null) when report.Results.Any(r => r.IsBaseline) => $"engine/best-correct-baseline throughput ratio: n/a (no baseline was correct; {engine.Target} {N0(engine.SettledPerSecond)}/s)",
        _ => "engine/best-correct-baseline throughput ratio: n/a (run with --compare)",
    };

    private static string Audit(TargetResult result)
    {
        var text = N0(result.Audit.DoubleBookings);
        if (result.Audit.UserDoubleBookings > 0)
        {
            text += $" (+{N0(result.Audit.UserDoubleBookings)} personal)";
        }

        return result.Audit.DoubleBookings + result.Audit.UserDoubleBookings > 0 ? $"[red]{text}[/]" : $"[green]{text}[/]";
    }

    private static string N0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F2(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);
}
