using System.Globalization;
using Booking.Bench.Measurement;
using Spectre.Console;

namespace Booking.Bench.Reporting;

/// <summary>Prints the <c>--profile</c> stopwatch breakdown of an engine run.</summary>
internal static class ProfileTable
{
    public static void Write(string target, ProfileSession session, int requests, double elapsedSeconds)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(target)} profile[/] (measured pass only; stages overlap, compare each with the request)");
        table.AddColumn("stage");
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddColumn(new TableColumn("mean ms").RightAligned());
        table.AddColumn(new TableColumn("total s").RightAligned());
        foreach (var (stage, count, meanMs, totalSeconds) in session.Stages)
        {
            table.AddRow(Markup.Escape(stage), count.ToString("N0", CultureInfo.InvariantCulture), meanMs.ToString("0.00", CultureInfo.InvariantCulture), totalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"this process (engine + load generator): {session.ProcessCpu.TotalSeconds:0.0} s CPU in {elapsedSeconds:0.0} s = {session.ProcessCpu.TotalMilliseconds / requests:0.000} ms CPU per request, {session.ProcessCpu.TotalSeconds / elapsedSeconds / Environment.ProcessorCount:P0} of the machine; GC paused {session.GcPause.TotalMilliseconds:N0} ms, {session.Gen2Collections} gen-2"));
        if (session.Batches > 0)
        {
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"group commit (first silo): {session.Batches:N0} transactions, {session.Writes:N0} writes, {(double)session.Writes / session.Batches:0.0} writes per transaction, {session.Retries:N0} retried"));
        }
    }
}
