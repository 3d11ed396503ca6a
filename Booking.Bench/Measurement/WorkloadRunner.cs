using System.Diagnostics;
using Booking.Bench.Scenarios;
using Booking.Bench.Targets;

namespace Booking.Bench.Measurement;

/// <summary>Sends a workload's requests to a target, open or closed loop, and measures every answer.</summary>
internal sealed class WorkloadRunner(DbStatementCounter statements)
{
    private const int RejectionSample = 200;
    private int _completed;

    /// <summary>Requests answered so far in the current run (for progress display).</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>
    /// Runs <paramref name="warmup"/> (unmeasured), then <paramref name="workload"/>, then the target's audit;
    /// <paramref name="measuring"/> is called just before and just after the measured pass.
    /// </summary>
    public async Task<TargetResult> RunAsync(IBookingTarget target, Workload workload, Workload warmup, CancellationToken cancellationToken, Action? measuring = null)
    {
        var warm = await SendAllAsync(target, warmup, cancellationToken);
        var warmupConfirmed = warm.Outcomes.Count(o => o == AskOutcome.Confirmed);
        measuring?.Invoke();

        Volatile.Write(ref _completed, 0);
        statements.Start();
        var run = await SendAllAsync(target, workload, cancellationToken);
        statements.Stop();
        measuring?.Invoke();
        var statementCount = statements.Statements;
        var roundTrips = statements.RoundTrips;

        var audit = await target.AuditAsync(cancellationToken);
        var outcomes = run.Outcomes;

        // Asking again for what was refused is refused again: what that costs the database is what a refusal costs.
        List<BookingAsk> refusedAgain = [.. workload.Asks.Where(a => outcomes[a.Index] is AskOutcome.Conflict or AskOutcome.UserConflict).Take(RejectionSample)];
        double? statementsPerRejection = refusedAgain.Count == 0 || !target.CountsStatements ? null : await MeasureRejectionCostAsync(target, refusedAgain, cancellationToken);
        var settled = new List<double>(outcomes.Length);
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] != AskOutcome.Failed)
            {
                settled.Add(run.LatenciesMs[i]);
            }
        }

        return new TargetResult
        {
            Target = target.Name,
            IsBaseline = target.IsBaseline,
            Requests = outcomes.Length,
            Settled = settled.Count,
            Confirmed = outcomes.Count(o => o == AskOutcome.Confirmed),
            Conflicts = outcomes.Count(o => o == AskOutcome.Conflict),
            UserConflicts = outcomes.Count(o => o == AskOutcome.UserConflict),
            Refused = outcomes.Count(o => o == AskOutcome.Refused),
            Failed = outcomes.Count(o => o == AskOutcome.Failed),
            ElapsedSeconds = run.Elapsed.TotalSeconds,
            Latency = LatencyStats.From(settled),
            StatementsPerRequest = target.CountsStatements ? (double)statementCount / outcomes.Length : double.NaN,
            RoundTripsPerRequest = target.CountsStatements ? (double)roundTrips / outcomes.Length : double.NaN,
            Audit = audit,
            WarmupConfirmed = warmupConfirmed,
            StatementsPerRejection = statementsPerRejection,
            Errors = [.. run.Errors.Distinct().Take(5)],
        };
    }

    /// <summary>Sends requests that will all be refused, one at a time, and returns the statements they cost per request.</summary>
    private async Task<double> MeasureRejectionCostAsync(IBookingTarget target, IReadOnlyList<BookingAsk> refused, CancellationToken cancellationToken)
    {
        statements.Start();
        foreach (var ask in refused)
        {
            var result = await target.BookAsync(ask, cancellationToken);
            if (result.Outcome is AskOutcome.Confirmed or AskOutcome.Failed)
            {
                throw new InvalidOperationException($"{target.Name}: a request meant to be refused ended {result.Outcome} ({result.Detail}).");
            }
        }

        statements.Stop();
        return (double)statements.Statements / Math.Max(1, refused.Count);
    }

    private async Task<RunTrace> SendAllAsync(IBookingTarget target, Workload workload, CancellationToken cancellationToken)
    {
        var asks = workload.Asks;
        var trace = new RunTrace(asks.Count);
        var start = Stopwatch.GetTimestamp();
        if (workload.ClosedLoop)
        {
            var next = -1;
            var workers = Enumerable.Range(0, Math.Min(workload.Concurrency, asks.Count)).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < asks.Count)
                {
                    await SendAsync(target, asks[i], Stopwatch.GetTimestamp(), trace, cancellationToken);
                }
            });
            await Task.WhenAll(workers);
        }
        else
        {
            var pending = new Task[asks.Count];
            for (var i = 0; i < asks.Count; i++)
            {
                var ask = asks[i];
                var wait = ask.Arrival - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken);
                }

                // Latency counts from the scheduled arrival, so a target that falls behind pays for its queue.
                var due = start + (long)(ask.Arrival.TotalSeconds * Stopwatch.Frequency);
                pending[i] = SendAsync(target, ask, due, trace, cancellationToken);
            }

            await Task.WhenAll(pending);
        }

        trace.Finish(start);
        return trace;
    }

    private async Task SendAsync(IBookingTarget target, BookingAsk ask, long sentOrDue, RunTrace trace, CancellationToken cancellationToken)
    {
        AskResult result;
        try
        {
            result = await target.BookAsync(ask, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = AskResult.Failed(exception);
        }

        var now = Stopwatch.GetTimestamp();
        trace.Outcomes[ask.Index] = result.Outcome;
        trace.LatenciesMs[ask.Index] = (double)(now - sentOrDue) * 1000 / Stopwatch.Frequency;
        if (result.Outcome == AskOutcome.Failed && trace.Errors.Count < 100)
        {
            trace.Errors.Add(result.Detail ?? "failed");
        }

        trace.RecordAnswerAt(now);
        Interlocked.Increment(ref _completed);
    }
}
