using Booking.Bench.Measurement;
using Booking.Bench.Reporting;
using Booking.Bench.Scenarios;
using Booking.Bench.Targets;
using Booking.Bench.Targets.Http;
using Booking.Silo.Storage.Postgres;
using Spectre.Console;

namespace Booking.Bench;

/// <summary>Runs one scenario against each requested target in turn, then prints, saves and draws the figures.</summary>
internal static class MorningRush
{
    public static async Task<int> RunAsync(MorningRushSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(settings.ConnectionString))
        {
            AnsiConsole.MarkupLine("[red]No PostgreSQL: give --connection or set BOOKING_TEST_POSTGRES (an admin connection string).[/]");
            return 2;
        }

        // Tomorrow (UTC) is bookable by every resource and never in the past while the run lasts. Runs against one
        // long-lived Booking.Web give each run dates of its own, or its employees would already hold a place then.
        var firstDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(settings.DaysAhead);
        var workload = WorkloadFactory.Create(settings.Scenario, settings.Options, firstDate);
        var warmup = Warmup(settings, workload);
        AnsiConsole.MarkupLine($"[bold]{settings.Scenario.ToString().ToLowerInvariant()}[/] — {Markup.Escape(workload.Description)}; {Environment.ProcessorCount} cores");

        using var statements = new DbStatementCounter();
        var runner = new WorkloadRunner(statements);
        var results = new List<TargetResult>();
        var profiles = new List<(TargetResult Result, ProfileSession Session)>();
        foreach (var name in settings.Targets)
        {
            var target = Create(name, settings);
            await using var disposeTarget = target;
            var session = settings.Profile && target is InProcessTarget engine ? new ProfileSession(engine.Profile!, () => engine.WriteStatistics) : null;
            var result = AnsiConsole.Profile.Capabilities.Interactive
                ? await RunWithProgressAsync(name, target, runner, workload, warmup, session, cancellationToken)
                : await RunQuietlyAsync(target, runner, workload, warmup, session, cancellationToken);
            if (session is not null)
            {
                profiles.Add((result, session));
            }
            results.Add(result);
            AnsiConsole.MarkupLine($"  {Markup.Escape(name)}: {result.SettledPerSecond:N0} settled/s, p99 {result.Latency.P99Ms:N1} ms, {result.Audit.DoubleBookings:N0} double bookings");
        }

        var report = new ComparisonReport
        {
            Scenario = settings.Scenario,
            Description = workload.Description,
            Command = settings.Command,
            StartedAt = DateTimeOffset.UtcNow,
            Cores = Environment.ProcessorCount,
            Results = results,
        };

        ResultTable.Write(report);
        foreach (var (result, session) in profiles)
        {
            ProfileTable.Write(result.Target, session, result.Requests, result.ElapsedSeconds);
        }
        if (settings.JsonPath is { } json)
        {
            await JsonReport.WriteAsync(report, json, cancellationToken);
            AnsiConsole.MarkupLine($"JSON: {Markup.Escape(json)}");
        }

        if (settings.ChartPath is { } chart)
        {
            await SvgChart.WriteAsync([report], chart, cancellationToken);
            AnsiConsole.MarkupLine($"chart: {Markup.Escape(chart)}");
        }

        // The last line, on its own so scripts can take it.
        Console.WriteLine(ResultTable.RatioLine(report));
        return results.Any(r => r.Audit.DoubleBookings > 0 && !r.IsBaseline) ? 1 : 0;
    }

    private static Task<TargetResult> RunWithProgressAsync(
        string name, IBookingTarget target, WorkloadRunner runner, Workload workload, Workload warmup, ProfileSession? session, CancellationToken cancellationToken) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var prepare = context.AddTask($"{name}: prepare", maxValue: 1);
                await target.PrepareAsync(workload, cancellationToken);
                prepare.Increment(1);
                var progress = context.AddTask($"{name}: {workload.Asks.Count:N0} requests", maxValue: workload.Asks.Count);
                var run = runner.RunAsync(target, workload, warmup, cancellationToken, session is null ? null : session.Mark);
                while (!run.IsCompleted)
                {
                    progress.Value = runner.Completed;
                    await Task.WhenAny(run, Task.Delay(100, cancellationToken));
                }

                progress.Value = workload.Asks.Count;
                return await run;
            });

    private static async Task<TargetResult> RunQuietlyAsync(
        IBookingTarget target, WorkloadRunner runner, Workload workload, Workload warmup, ProfileSession? session, CancellationToken cancellationToken)
    {
        await target.PrepareAsync(workload, cancellationToken);
        return await runner.RunAsync(target, workload, warmup, cancellationToken, session is null ? null : session.Mark);
    }

    /// <summary>
    /// A small run of the same shape (and no more resources) on the day after the workload's last date: JIT, pools and
    /// caches warm, nothing measured.
    /// </summary>
    private static Workload Warmup(MorningRushSettings settings, Workload workload)
    {
        var options = settings.Options with
        {
            Employees = Math.Min(200, settings.Options.Employees),
            SpreadRequests = Math.Min(1_000, settings.Options.SpreadRequests),
            SpreadResources = Math.Min(1_000, settings.Options.SpreadResources),
            ArrivalWindow = TimeSpan.FromMilliseconds(100),
            Seed = settings.Options.Seed + 1,
        };
        return WorkloadFactory.Create(settings.Scenario, options, workload.Dates.Max().AddDays(1));
    }

    private static Action<PostgresStorageOptions>? TuneStorage(MorningRushSettings settings) =>
        settings.StorageWriters is null && settings.StorageBatchSize is null
            ? null
            : options =>
            {
                options.MaxConcurrentBatches = settings.StorageWriters ?? options.MaxConcurrentBatches;
                options.MaxBatchSize = settings.StorageBatchSize ?? options.MaxBatchSize;
            };

    /// <summary>When the engine is measured over HTTP, the baselines are served over HTTP too, on the same stack.</summary>
    private static IBookingTarget OverHttpIfEngineIs(SqlBaselineTarget baseline, MorningRushSettings settings) =>
        settings.Targets.Contains(TargetNames.Http) ? new HttpBaselineTarget(baseline) : baseline;

    private static IBookingTarget Create(string name, MorningRushSettings settings) => name switch
    {
        TargetNames.InProcess => new InProcessTarget(settings.ConnectionString!, settings.Silos, settings.PoolSize, settings.Profile ? new StageProfile() : null, TuneStorage(settings)),
        TargetNames.SqlUnique => OverHttpIfEngineIs(new SqlUniqueTarget(settings.ConnectionString!, settings.PoolSize), settings),
        TargetNames.SqlLock => OverHttpIfEngineIs(new SqlLockTarget(settings.ConnectionString!, settings.PoolSize), settings),
        TargetNames.SqlExclude => OverHttpIfEngineIs(new SqlExcludeTarget(settings.ConnectionString!, settings.PoolSize), settings),
        TargetNames.Http => new HttpEngineTarget(settings.Http ?? throw new ArgumentException("The http target needs --url, --web-db, --admin-email and --admin-password.")),
        _ => throw new ArgumentException($"Unknown target '{name}' (known: {string.Join(", ", TargetNames.All)})."),
    };
}
