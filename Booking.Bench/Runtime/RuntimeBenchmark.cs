using System.Diagnostics;
using Booking.Runtime.Testing;

namespace Booking.Bench.Runtime;

/// <summary>Measures the grain runtime: calls/s into one grain and into 1,000 grains, and the per-call overhead of a reference.</summary>
internal static class RuntimeBenchmark
{
    public static async Task<RuntimeBenchResult> RunAsync(TimeSpan duration, int callers, CancellationToken cancellationToken)
    {
        await using var cluster = new InProcessTestClusterBuilder(1).Build();
        await cluster.DeployAsync();
        var local = cluster.Silos[0].GrainFactory;

        var directNs = await MeasureSequentialNsAsync(new DirectPing(), duration, cancellationToken);
        var referenceNs = await MeasureSequentialNsAsync(local.GetGrain<IBenchGrain>("sequential"), duration, cancellationToken);
        var oneGrain = await MeasureThroughputAsync(_ => local.GetGrain<IBenchGrain>("hot"), callers, duration, cancellationToken);
        var grains = Enumerable.Range(0, 1000).Select(i => local.GetGrain<IBenchGrain>("g" + i)).ToArray();
        var thousandGrains = await MeasureThroughputAsync(i => grains[i % grains.Length], callers, duration, cancellationToken);

        await using var twoSilos = new InProcessTestClusterBuilder(2).Build();
        await twoSilos.DeployAsync();
        var remoteGrains = Enumerable.Range(0, 1000).Select(i => twoSilos.Client.GetGrain<IBenchGrain>("g" + i)).ToArray();
        var serialized = await MeasureThroughputAsync(i => remoteGrains[i % remoteGrains.Length], callers, duration, cancellationToken);

        return new RuntimeBenchResult(oneGrain, thousandGrains, serialized, referenceNs, directNs);
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
