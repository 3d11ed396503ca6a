using System.CommandLine;
using System.Globalization;
using Booking.Bench.Runtime;
using Booking.Bench.Scenarios;
using Spectre.Console;

namespace Booking.Bench;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Tables in logs and CI output should not wrap at the 80-column default, nor carry colour codes or redrawn
            // progress bars.
            AnsiConsole.Profile.Width = 160;
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Capabilities.Interactive = false;
        }

        var seconds = new Option<int>("--seconds") { Description = "Measurement time per figure", DefaultValueFactory = _ => 3 };
        var callers = new Option<int>("--callers") { Description = "Concurrent callers", DefaultValueFactory = _ => 64 };
        var writers = new Option<int>("--writers") { Description = "Concurrent PostgreSQL writers, each writing its own grain state", DefaultValueFactory = _ => 256 };
        var connection = ConnectionOption();

        var runtime = new Command(
            "runtime",
            "Orleans grain calls/s (one grain; 1,000 grains; client → 2 silos), reference-call overhead, PostgreSQL durable writes/s and p99: one write per transaction, group commit, Orleans' ADO.NET storage")
        {
            seconds, callers, writers, connection,
        };
        runtime.SetAction((parse, cancellationToken) => RunRuntimeAsync(
            TimeSpan.FromSeconds(parse.GetValue(seconds)),
            parse.GetValue(callers),
            parse.GetValue(writers),
            parse.GetValue(connection) ?? Environment.GetEnvironmentVariable("BOOKING_TEST_POSTGRES"),
            cancellationToken));

        var root = new RootCommand("Booking engine benchmarks")
        {
            runtime,
            ScenarioCommand(ScenarioKind.Rush, "Morning rush: employees book parking slots of one site for one date, picks skewed toward popular slots, all within about a second", args),
            ScenarioCommand(ScenarioKind.Hot, "Everyone wants the same 10 slots", args),
            ScenarioCommand(ScenarioKind.Mentor, "Time-range bookings of 30–120 minutes against 50 mentors", args),
            ScenarioCommand(ScenarioKind.Spread, "Every request on a resource-day of its own: raw booking throughput", args),
            ChartCommand(),
        };
        return root.Parse(args).InvokeAsync();
    }

    private static Option<string?> ConnectionOption() => new("--connection")
    {
        Description = "PostgreSQL admin connection string (default: $BOOKING_TEST_POSTGRES, as provisioned by scripts/test.sh)",
    };

    private static Command ScenarioCommand(ScenarioKind scenario, string description, string[] args)
    {
        var defaults = new ScenarioOptions();
        var target = new Option<string[]>("--target")
        {
            Description = $"Targets to run, in order ({string.Join(", ", TargetNames.All)})",
            DefaultValueFactory = _ => [TargetNames.InProcess],
            AllowMultipleArgumentsPerToken = true,
        };
        target.AcceptOnlyFromAmong([.. TargetNames.All]);
        var compare = new Option<bool>("--compare") { Description = "Run the SQL baselines (sql-unique, sql-lock, sql-exclude) and then the engine target(s), in one run" };
        var connection = ConnectionOption();
        var silos = new Option<int>("--silos") { Description = "Silos of the in-process cluster (inproc)", DefaultValueFactory = _ => 1 };
        var pool = new Option<int>("--pool") { Description = "Connection pool size of each SQL baseline, and of each of the engine's data sources (inproc)", DefaultValueFactory = _ => 32 };
        var url = new Option<string?>("--url") { Description = "Base URL of a running Booking.Web with PostgreSQL storage (http target)" };
        var webDb = new Option<string?>("--web-db") { Description = "Connection string of that Booking.Web's database, for the audit (http target)" };
        var adminEmail = new Option<string?>("--admin-email") { Description = "The admin that Booking.Web bootstrapped (http target; default $BOOKING_BENCH_ADMIN_EMAIL)" };
        var adminPassword = new Option<string?>("--admin-password") { Description = "Its password (http target; default $BOOKING_BENCH_ADMIN_PASSWORD)" };
        var daysAhead = new Option<int>("--days-ahead")
        {
            Description = "Book this many days after today (UTC); give each run against one Booking.Web its own dates (http target)",
            DefaultValueFactory = _ => 1,
        };
        var tokenCache = new Option<string?>("--token-cache") { Description = "File keeping the employees' access tokens between runs (http target; default in the temp directory)" };
        var json = new Option<string?>("--json") { Description = "Write the figures to this JSON file" };
        var chart = new Option<string?>("--chart") { Description = "Write an SVG chart (throughput and p99 per target) here; default with --compare: bench-<scenario>.svg" };
        var employees = new Option<int>("--employees") { Description = "People booking, one request each", DefaultValueFactory = _ => defaults.Employees };
        var slots = new Option<int>("--slots") { Description = "Parking slots of the site (rush)", DefaultValueFactory = _ => defaults.Slots };
        var hotSlots = new Option<int>("--hot-slots") { Description = "The slots everyone wants (hot)", DefaultValueFactory = _ => defaults.HotSlots };
        var mentors = new Option<int>("--mentors") { Description = "Mentors (mentor)", DefaultValueFactory = _ => defaults.Mentors };
        var requests = new Option<int>("--requests") { Description = "Requests (spread)", DefaultValueFactory = _ => defaults.SpreadRequests };
        var resources = new Option<int>("--resources") { Description = "Resources the requests cycle through, date after date (spread)", DefaultValueFactory = _ => defaults.SpreadResources };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight (spread, a closed loop)", DefaultValueFactory = _ => defaults.SpreadConcurrency };
        var arrival = new Option<int>("--arrival-ms") { Description = "Every request arrives within this many ms (open loop)", DefaultValueFactory = _ => (int)defaults.ArrivalWindow.TotalMilliseconds };
        var skew = new Option<double>("--skew") { Description = "Zipf exponent of slot and mentor picks (0 = uniform)", DefaultValueFactory = _ => defaults.Skew };
        var seed = new Option<int>("--seed") { Description = "Random seed of the workload", DefaultValueFactory = _ => defaults.Seed };
        var writers = new Option<int?>("--writers") { Description = "Engine storage: group-commit transactions in flight at once (default: the provider's)" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Engine storage: most writes per group-commit transaction (default: the provider's)" };
        var profile = new Option<bool>("--profile") { Description = "Print a stopwatch breakdown of the engine's time (state reads and writes, bookings queries, requests)" };

        var command = new Command(scenario.ToString().ToLowerInvariant(), description) { target, compare, connection, silos, pool, url, webDb, adminEmail, adminPassword, tokenCache, daysAhead, json, chart, seed, profile, writers, batchSize };
        switch (scenario)
        {
            case ScenarioKind.Rush:
                command.Options.Add(employees);
                command.Options.Add(slots);
                command.Options.Add(arrival);
                command.Options.Add(skew);
                break;
            case ScenarioKind.Hot:
                command.Options.Add(employees);
                command.Options.Add(hotSlots);
                command.Options.Add(arrival);
                break;
            case ScenarioKind.Mentor:
                command.Options.Add(employees);
                command.Options.Add(mentors);
                command.Options.Add(arrival);
                command.Options.Add(skew);
                break;
            case ScenarioKind.Spread:
                command.Options.Add(requests);
                command.Options.Add(resources);
                command.Options.Add(concurrency);
                break;
        }

        command.SetAction((parse, cancellationToken) =>
        {
            List<string> targets = [.. parse.GetValue(target)!.Distinct()];
            if (parse.GetValue(compare))
            {
                targets = [.. TargetNames.Baselines, .. targets.Where(t => !TargetNames.Baselines.Contains(t))];
            }

            var settings = new MorningRushSettings
            {
                Scenario = scenario,
                Options = new ScenarioOptions
                {
                    Employees = parse.GetValue(employees),
                    Slots = parse.GetValue(slots),
                    HotSlots = parse.GetValue(hotSlots),
                    Mentors = parse.GetValue(mentors),
                    SpreadRequests = parse.GetValue(requests),
                    SpreadResources = parse.GetValue(resources),
                    SpreadConcurrency = parse.GetValue(concurrency),
                    ArrivalWindow = TimeSpan.FromMilliseconds(parse.GetValue(arrival)),
                    Skew = parse.GetValue(skew),
                    Seed = parse.GetValue(seed),
                },
                Targets = targets,
                ConnectionString = parse.GetValue(connection) ?? Environment.GetEnvironmentVariable("BOOKING_TEST_POSTGRES"),
                Silos = parse.GetValue(silos),
                PoolSize = parse.GetValue(pool),
                Profile = parse.GetValue(profile),
                DaysAhead = parse.GetValue(daysAhead),
                StorageWriters = parse.GetValue(writers),
                StorageBatchSize = parse.GetValue(batchSize),
                Http = parse.GetValue(url) is { } baseUrl
                    ? new Targets.Http.HttpTargetOptions
                    {
                        Url = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"),
                        WebDatabase = parse.GetValue(webDb) ?? throw new ArgumentException("--web-db is required with --url."),
                        AdminEmail = parse.GetValue(adminEmail) ?? Environment.GetEnvironmentVariable("BOOKING_BENCH_ADMIN_EMAIL") ?? throw new ArgumentException("--admin-email is required with --url."),
                        AdminPassword = parse.GetValue(adminPassword) ?? Environment.GetEnvironmentVariable("BOOKING_BENCH_ADMIN_PASSWORD") ?? throw new ArgumentException("--admin-password is required with --url."),
                        TokenCache = parse.GetValue(tokenCache) ?? Path.Combine(Path.GetTempPath(), $"booking-bench-tokens-{new Uri(baseUrl).Port}.json"),
                    }
                    : null,
                JsonPath = parse.GetValue(json),
                ChartPath = parse.GetValue(chart) ?? (parse.GetValue(compare) ? $"bench-{command.Name}.svg" : null),
                Command = "dotnet run -c Release --project Booking.Bench -- " + string.Join(' ', args),
            };
            return MorningRush.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Command ChartCommand()
    {
        var from = new Argument<string[]>("json") { Description = "JSON files written by --json, drawn top to bottom" };
        var output = new Option<string>("--out") { Description = "The SVG to write", Required = true };
        var command = new Command("chart", "Draws several runs (their --json files) as one SVG: throughput and p99 per target") { from, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            List<Reporting.ComparisonReport> reports = [];
            foreach (var path in parse.GetValue(from)!)
            {
                reports.Add(await Reporting.JsonReportReader.ReadAsync(path, cancellationToken));
            }

            await Reporting.SvgChart.WriteAsync(reports, parse.GetValue(output)!, cancellationToken);
            AnsiConsole.MarkupLine($"chart: {Markup.Escape(parse.GetValue(output)!)}");
            return 0;
        });
        return command;
    }

    private static async Task<int> RunRuntimeAsync(TimeSpan duration, int callers, int writers, string? connectionString, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine($"[bold]runtime[/] — Orleans in-process test cluster, {Environment.ProcessorCount} cores, {callers} callers, {writers} PostgreSQL writers, {duration.TotalSeconds:0} s per figure");
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
            var storage = await StorageBenchmark.RunAsync(connectionString, writers, duration, cancellationToken);
            AddStorageRows(table, "one write per transaction", storage.Single);
            AddStorageRows(table, "group commit", storage.GroupCommit);
            table.AddRow("PostgreSQL writes per group-commit transaction (mean)", storage.AverageBatchSize.ToString("0.0", CultureInfo.InvariantCulture));
            if (storage.AdoNet is { } adoNet)
            {
                AddStorageRows(table, "Orleans ADO.NET storage", adoNet);
            }

            table.AddRow("[bold]group commit / single[/]", Ratio(storage.GroupCommit, storage.Single));
            if (storage.AdoNet is { } stock)
            {
                table.AddRow("[bold]group commit / Orleans ADO.NET[/]", Ratio(storage.GroupCommit, stock));
            }
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static void AddStorageRows(Table table, string label, StorageWriteFigures figures)
    {
        table.AddRow($"PostgreSQL durable writes/s, {label}", Format(figures.WritesPerSecond));
        table.AddRow($"PostgreSQL write p99 (ms), {label}", figures.Latency.P99Ms.ToString("0.0", CultureInfo.InvariantCulture));
    }

    private static string Ratio(StorageWriteFigures numerator, StorageWriteFigures denominator) =>
        (numerator.WritesPerSecond / denominator.WritesPerSecond).ToString("0.0x", CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
