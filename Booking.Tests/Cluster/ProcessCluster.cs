using System.Globalization;
using System.Security.Cryptography;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Booking.Tests.Reliability;
using Booking.Web.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Booking.Tests.Cluster;

/// <summary>
/// A cluster of real processes on a database of its own on the test PostgreSQL: <c>Booking.Silo</c> processes (each with
/// its own silo and gateway ports on 127.0.0.1) and <c>Booking.Web</c> processes in client mode, all with the same
/// configuration keys an operator would set. Every process is killed and the database dropped on disposal.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    public const string AdminEmail = "cluster-admin@example.com";
    public const string AdminPassword = "cluster-admin-password";

    private readonly PostgresDatabase _database;
    private readonly string _signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly string _clusterId = "booking-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<WebProcess> _processes = [];

    private ProcessCluster(PostgresDatabase database)
    {
        _database = database;

        // Each process opens a pool per data source (grain state, bookings queries, Orleans' membership and reminders), 100
        // connections each by Npgsql's default; five processes in a burst would take the test server's 300 from the tests
        // that run beside these. Operators size this the same way (README, "Running a cluster").
        ProcessConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 10 }.ConnectionString;
    }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The connection string the processes get: the database's, with small pools.</summary>
    public string ProcessConnectionString { get; }

    public static async Task<ProcessCluster> CreateAsync() => new(await PostgresDatabase.CreateAsync());

    /// <summary>A Booking.Silo process; waits until its /health/ready answers 200 (active in the membership table, database answering).</summary>
    public Task<WebProcess> StartSiloAsync() => StartAsync(WebProcess.SiloAssemblyPath, new Dictionary<string, string>
    {
        ["Booking:Cluster:SiloPort"] = ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture),
        ["Booking:Cluster:GatewayPort"] = ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture),
        ["Booking:Cluster:AdvertisedAddress"] = "127.0.0.1",
    }, waitUntilReady: true);

    /// <summary>A Booking.Web process in client mode; with <paramref name="waitUntilReady"/> waits until it reached a silo, otherwise only until it listens.</summary>
    public Task<WebProcess> StartApiAsync(bool waitUntilReady = true) =>
        StartAsync(WebProcess.AssemblyPath, new Dictionary<string, string> { ["Booking:Cluster:Role"] = "Client" }, waitUntilReady);

    /// <summary>A Booking.Web process that co-hosts its silo (the default role), on this cluster's database: one process, for comparison.</summary>
    public Task<WebProcess> StartCoHostedAsync() =>
        StartAsync(WebProcess.AssemblyPath, new Dictionary<string, string> { ["Booking:Cluster:Role"] = "Silo" }, waitUntilReady: true);

    /// <summary>
    /// Members with an open session each, written straight into the grain state table as the account grain writes it (see
    /// <see cref="SeededMembers"/>: signing up hundreds of users through PBKDF2 would dominate the test), with access tokens
    /// signed by the cluster's configured key. Call once a silo has created the schema.
    /// </summary>
    public async Task<IReadOnlyList<LoadUser>> SeedMembersAsync(int count)
    {
        var jwt = Options.Create(new JwtOptions { SigningKey = _signingKey });
        // The key is configured, so the provider never asks a grain for the stored one.
        var keys = new SigningKeyProvider(jwt, grains: null!, NullLogger<SigningKeyProvider>.Instance);
        await keys.LoadAsync(CancellationToken.None);
        await using var storage = new PostgresGrainStorage(
            new PostgresStorageOptions { ConnectionString = ConnectionString }, new JsonGrainStateSerializer(), [], TimeProvider.System, NullLogger<PostgresGrainStorage>.Instance);
        var members = await SeededMembers.CreateAsync(storage, new AccessTokenIssuer(keys, jwt, TimeProvider.System), count);
        return [.. members.Select(m => new LoadUser(m.Account.Id, m.AccessToken))];
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask()));
        await _database.DisposeAsync();
    }

    private async Task<WebProcess> StartAsync(string assembly, Dictionary<string, string> settings, bool waitUntilReady)
    {
        settings["Booking:Storage:Provider"] = "Postgres";
        settings["Booking:Storage:ConnectionString"] = ProcessConnectionString;
        settings["Booking:Cluster:ClusterId"] = _clusterId;
        settings["Booking:Admin:Email"] = AdminEmail;
        settings["Booking:Admin:Password"] = AdminPassword;
        settings["Booking:Jwt:SigningKey"] = _signingKey;
        settings["Booking:RateLimiting:Auth:PermitLimit"] = "100000";
        settings["Booking:Demo:Enabled"] = "false";
        var process = await WebProcess.StartAsync(assembly, settings, waitUntilReady);
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }
}
