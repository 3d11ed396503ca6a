using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace Booking.Tests.Reliability;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temp dir, 127.0.0.1 only), which the test can stop and start again
/// on the same port and data; scripts/test.sh's approach (as the <c>postgres</c> user when running as root). Disposal stops
/// it and removes its files; a watchdog does the same if the test process dies first.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _bin;
    private readonly string _root;
    private readonly Process _watchdog;

    private PostgresServer(string bin, string root, int port, string password, Process watchdog)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _watchdog = watchdog;
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    public int Port { get; }

    public string AdminConnectionString { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates the cluster and starts it. Fails (never skips) when the server binaries are missing.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0)).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql/*/bin: install the 'postgresql' package (scripts/test.sh does).");
        }

        // Under /tmp: the postgres user must reach it and the socket path must stay short.
        var root = Path.Combine("/tmp", "booking-outage-pg." + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var watchdog = ChildProcesses.StartWatchdog(
            $"{(IsRoot ? "runuser -u postgres -- " : "")}{ChildProcesses.Quote(Path.Combine(bin, "pg_ctl"))} stop -D {ChildProcesses.Quote(Path.Combine(root, "data"))} -m immediate -w -t 30; rm -rf {ChildProcesses.Quote(root)}");
        try
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var passwordFile = Path.Combine(root, "pwfile");
            await File.WriteAllTextAsync(passwordFile, password + "\n");
            if (IsRoot)
            {
                await ChildProcesses.RunAsync("chown", ["-R", "postgres:", root], CommandTimeout);
            }

            await AsPostgresAsync(bin, root, "initdb", "-D", Path.Combine(root, "data"), "-U", "postgres", "--pwfile=" + passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
            File.Delete(passwordFile);

            var port = ChildProcesses.FreePort();
            await File.AppendAllTextAsync(Path.Combine(root, "data", "postgresql.conf"), $"""

                listen_addresses = '127.0.0.1'
                port = {port}
                unix_socket_directories = '{root}'
                max_connections = 200
                fsync = on

                """);
            var server = new PostgresServer(bin, root, port, password, watchdog);
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            ChildProcesses.StopWatchdog(watchdog);
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>A new database on this server, and a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Shuts the server down as an operator would (fast: open sessions are ended, nothing committed is lost).</summary>
    public Task StopAsync() => AsPostgresAsync(_bin, _root, "pg_ctl", "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60");

    public Task StartAgainAsync() =>
        AsPostgresAsync(_bin, _root, "pg_ctl", "start", "-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await AsPostgresAsync(_bin, _root, "pg_ctl", "stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30");
            }
        }
        finally
        {
            ChildProcesses.StopWatchdog(_watchdog);
            Directory.Delete(_root, recursive: true);
        }
    }

    // The server refuses to run as root, so root hands its commands to the postgres user (scripts/test.sh's as_pg).
    private static Task<string> AsPostgresAsync(string bin, string root, string tool, params string[] arguments) =>
        IsRoot
            ? ChildProcesses.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments], CommandTimeout, root)
            : ChildProcesses.RunAsync(Path.Combine(bin, tool), arguments, CommandTimeout, root);
}
