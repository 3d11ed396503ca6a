using System.CommandLine;
using System.Globalization;
using Booking.Bench.Runtime;
using Spectre.Console;

namespace Booking.Bench;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Tables in logs and CI output should not wrap at the 80-column default.
            AnsiConsole.Profile.Width = 140;
        }

        var seconds = new Option<int>("--seconds") { Description = "Measurement time per figure", DefaultValueFactory = _ => 3 };
        var callers = new Option<int>("--callers") { Description = "Concurrent callers", DefaultValueFactory = _ => 64 };
        var connection = new Option<string?>("--connection")
        {
            Description = "PostgreSQL admin connection string (default: $BOOKING_TEST_POSTGRES, as provisioned by scripts/test.sh)",
        };

        var runtime = new Command("runtime", "Grain calls/s (one grain; 1,000 grains), reference-call overhead, PostgreSQL writes/s single vs batched")
        {
            seconds, callers, connection,
        };
        runtime.SetAction((parse, cancellationToken) => RunRuntimeAsync(
            TimeSpan.FromSeconds(parse.GetValue(seconds)),
            parse.GetValue(callers),
            parse.GetValue(connection) ?? Environment.GetEnvironmentVariable("BOOKING_TEST_POSTGRES"),
            cancellationToken));

        var root = new RootCommand("Booking engine benchmarks") { runtime };
        return root.Parse(args).InvokeAsync();
    }

    private static async Task<int> RunRuntimeAsync(TimeSpan duration, int callers, string? connectionString, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine($"[bold]runtime[/] — {Environment.ProcessorCount} cores, {callers} callers, {duration.TotalSeconds:0} s per figure");
        var result = await RuntimeBenchmark.RunAsync(duration, callers, cancellationToken);

        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("grain calls/s, one grain (co-hosted caller)", Format(result.OneGrainCallsPerSecond));
        table.AddRow("grain calls/s, 1,000 grains (co-hosted caller)", Format(result.ThousandGrainsCallsPerSecond));
        table.AddRow("grain calls/s, 1,000 grains, client → 2 silos (serialized)", Format(result.CrossSiloCallsPerSecond));
        table.AddRow("sequential call through a reference (ns)", Format(result.ReferenceCallNs));
        table.AddRow("same call on the object directly (ns)", Format(result.DirectCallNs));
        table.AddRow("[bold]reference-call overhead (µs)[/]", (result.OverheadNs / 1000).ToString("0.00", CultureInfo.InvariantCulture));

        if (string.IsNullOrEmpty(connectionString))
        {
            table.AddRow("PostgreSQL writes/s", "skipped: no --connection and no BOOKING_TEST_POSTGRES");
        }
        else
        {
            var storage = await StorageBenchmark.RunAsync(connectionString, 256, duration, cancellationToken);
            table.AddRow("PostgreSQL writes/s, one write per transaction", Format(storage.SingleWritesPerSecond));
            table.AddRow("PostgreSQL writes/s, group commit", Format(storage.BatchedWritesPerSecond));
            table.AddRow("PostgreSQL writes per group-commit transaction (mean)", storage.AverageBatchSize.ToString("0.0", CultureInfo.InvariantCulture));
            table.AddRow("[bold]group commit / single[/]", (storage.BatchedWritesPerSecond / storage.SingleWritesPerSecond).ToString("0.0x", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
