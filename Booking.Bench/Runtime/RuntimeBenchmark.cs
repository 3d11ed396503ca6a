using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Booking.Bench.Runtime;

/// <summary>
/// Measures Orleans on an in-process test cluster: calls/s into one grain and into 1,000 grains from a caller on the silo,
/// the per-call overhead of a reference, and calls/s from a cluster client into two silos (every call serialized).
/// </summary>
internal static class RuntimeBenchmark
{
    public static async Task<RuntimeBenchResult> RunAsync(TimeSpan duration, int callers, CancellationToken cancellationToken)
    {
        double directNs, referenceNs, oneGrain, thousandGrains;
        await using (var cluster = await DeployAsync(1, cancellationToken))
        {
            // A caller on the silo itself, as a co-hosted web front end calls: the grain factory of the silo's own runtime.
            var local = cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
            directNs = await MeasureSequentialNsAsync(new DirectPing(), duration, cancellationToken);
            referenceNs = await MeasureSequentialNsAsync(local.GetGrain<IBenchGrain>("sequential"), duration, cancellationToken);
            oneGrain = await MeasureThroughputAsync(_ => local.GetGrain<IBenchGrain>("hot"), callers, duration, cancellationToken);
            var grains = Enumerable.Range(0, 1000).Select(i => local.GetGrain<IBenchGrain>("g" + i)).ToArray();
            thousandGrains = await MeasureThroughputAsync(i => grains[i % grains.Length], callers, duration, cancellationToken);
        }

        double serialized;
        await using (var twoSilos = await DeployAsync(2, cancellationToken))
        {
            var remoteGrains = Enumerable.Range(0, 1000).Select(i => twoSilos.Client.GetGrain<IBenchGrain>("g" + i)).ToArray();
            serialized = await MeasureThroughputAsync(i => remoteGrains[i % remoteGrains.Length], callers, duration, cancellationToken);
        }

        return new RuntimeBenchResult(oneGrain, thousandGrains, serialized, referenceNs, directNs);
    }

    private static async Task<InProcessTestCluster> DeployAsync(short silos, CancellationToken cancellationToken)
    {
        var builder = new InProcessTestClusterBuilder(silos);

        // The test host's default writes a trace file per silo into the working directory.
        builder.Options.ConfigureFileLogging = false;
        var cluster = builder.Build();
        await cluster.DeployAsync(cancellationToken);
        return cluster;
    }

    private static async Task<double> MeasureSequentialNsAsync(IBenchGrain target, TimeSpan duration, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 10_000; i++)
        {
            await target.PingAsync(i);
        }

        long calls = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            for (var i = 0; i < 1000; i++)
            {
                await target.PingAsync(i);
            }

            calls += 1000;
        }

        return watch.Elapsed.TotalNanoseconds / calls;
    }

    private static async Task<double> MeasureThroughputAsync(Func<int, IBenchGrain> pick, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Every grain activated before the clock starts: activation is not what is measured.
        await Task.WhenAll(Enumerable.Range(0, Math.Max(callers, 1000)).Select(i => pick(i).PingAsync(i)));

        long calls = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        var workers = Enumerable.Range(0, callers).Select(async worker =>
        {
            var n = 0L;
            var i = worker;
            while (!stop.IsCancellationRequested)
            {
                await pick(i).PingAsync(i);
                i += callers;
                n++;
            }

            Interlocked.Add(ref calls, n);
        });
        await Task.WhenAll(workers);
        return calls / watch.Elapsed.TotalSeconds;
    }
}
