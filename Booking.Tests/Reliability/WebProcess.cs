using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Booking.Tests.Reliability;

/// <summary>
/// Booking.Web (or Booking.Silo) as a process of its own (<c>dotnet Booking.Web.dll</c> from this test's build output) on
/// 127.0.0.1 and a free port, with its console output kept. <see cref="Crash"/> kills it as <c>kill -9</c> would,
/// <see cref="TerminateAsync"/> stops it as <c>kill -TERM</c> would; disposal kills it if it still runs, and a watchdog does
/// if the test process dies first.
/// </summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Process _watchdog;
    private readonly ConcurrentQueue<string> _output;

    private WebProcess(Process process, Process watchdog, ConcurrentQueue<string> output, Uri address)
    {
        _process = process;
        _watchdog = watchdog;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The lines the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>The built Booking.Silo.dll, beside this assembly like Booking.Web's.</summary>
    public static string SiloAssemblyPath => BesideTests(typeof(Booking.Silo.Hosting.BookingClusterOptions).Assembly.Location);

    /// <summary>The built Booking.Web.dll: the test project references Booking.Web, so it sits beside this assembly.</summary>
    public static string AssemblyPath => BesideTests(typeof(Program).Assembly.Location);

    /// <summary>Starts the API with <paramref name="settings"/> (configuration keys, as environment variables) and waits until /health/ready answers 200.</summary>
    public static Task<WebProcess> StartAsync(IReadOnlyDictionary<string, string> settings) => StartAsync(AssemblyPath, settings, waitUntilReady: true);

    /// <summary>
    /// Starts <paramref name="assemblyPath"/> (Booking.Web or Booking.Silo) with <paramref name="settings"/>, and with
    /// <paramref name="waitUntilReady"/> waits until /health/ready answers 200, otherwise only until /health does.
    /// </summary>
    public static async Task<WebProcess> StartAsync(string assemblyPath, IReadOnlyDictionary<string, string> settings, bool waitUntilReady)
    {
        var port = ChildProcesses.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("booking-web.").FullName,
        };
        start.ArgumentList.Add(assemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // Its co-hosted silo needs a port of its own unless the test chose one (to keep it across a restart).
        start.Environment.TryAdd("Booking__Cluster__SiloPort", ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture));
        start.Environment.TryAdd("Booking__Cluster__GatewayPort", "0");

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Booking.Web.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue("stderr: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watchdog = ChildProcesses.StartWatchdog($"kill -9 {process.Id} 2>/dev/null; rm -rf {ChildProcesses.Quote(start.WorkingDirectory)}");
        var web = new WebProcess(process, watchdog, output, address);
        try
        {
            await web.WaitForAsync(waitUntilReady ? "/health/ready" : "/health", StartTimeout);
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(40),
    };

    /// <summary>Waits until /health/ready answers 200 (the process exiting or <paramref name="timeout"/> passing fails).</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) => WaitForAsync("/health/ready", timeout);

    /// <summary>SIGTERM, as an orchestrator stopping it: the host shuts down gracefully. Waits for the exit and returns its code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        await ChildProcesses.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The process did not exit within {timeout} of SIGTERM:\n{string.Join('\n', _output.TakeLast(40))}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the process and anything it started: no shutdown, no flush, as a crash.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in between.
        }

        var directory = _process.StartInfo.WorkingDirectory;
        _process.Dispose();
        ChildProcesses.StopWatchdog(_watchdog);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static string BesideTests(string path)
    {
        var runtimeConfig = Path.ChangeExtension(path, ".runtimeconfig.json");
        return File.Exists(path) && File.Exists(runtimeConfig)
            ? path
            : throw new FileNotFoundException($"{Path.GetFileName(path)} and its runtimeconfig.json are not in the test output ({Path.GetDirectoryName(path)}).", runtimeConfig);
    }

    private async Task WaitForAsync(string path, TimeSpan timeout)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} exited with {_process.ExitCode} while starting:\n{string.Join('\n', _output.TakeLast(40))}");
            }

            try
            {
                if ((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} did not answer 200 on {path} within {timeout}:\n{string.Join('\n', _output.TakeLast(40))}");
    }
}
