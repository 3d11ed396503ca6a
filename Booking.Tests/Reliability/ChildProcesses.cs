using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Booking.Tests.Reliability;

/// <summary>Running commands, picking ports and making sure nothing a test started outlives the test run.</summary>
internal static class ChildProcesses
{
    /// <summary>A port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a command to its end (killing it after <paramref name="timeout"/>) and returns its output; throws with the output if it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in {timeout}:\n{Snapshot(output)}");
        }

        process.WaitForExit();
        return process.ExitCode == 0
            ? Snapshot(output)
            : throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{Snapshot(output)}");
    }

    /// <summary>
    /// Starts a detached watchdog that runs <paramref name="cleanup"/> (a shell command) once this test process is gone,
    /// however it ends (a killed test host included). Kill the returned process to call the watch off.
    /// </summary>
    public static Process StartWatchdog(string cleanup)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardInput = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {cleanup}");
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the watchdog.");
    }

    /// <summary>Stops a watchdog this test started (by its own id), without running its clean-up.</summary>
    public static void StopWatchdog(Process watchdog)
    {
        try
        {
            if (!watchdog.HasExited)
            {
                watchdog.Kill();
                watchdog.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It has exited in between.
        }

        watchdog.Dispose();
    }

    /// <summary>Single-quotes a value for bash.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
