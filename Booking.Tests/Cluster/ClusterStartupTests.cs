using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Reliability;

namespace Booking.Tests.Cluster;

/// <summary>Processes of a cluster starting in any order, and refusing a configuration that cannot form one.</summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClusterStartupTests
{
    [Fact]
    public async Task An_api_host_started_before_any_silo_is_live_but_unready_and_becomes_ready_once_a_silo_joins()
    {
        await using var cluster = await ProcessCluster.CreateAsync();
        var api = await cluster.StartApiAsync(waitUntilReady: false);
        using var client = api.CreateClient();

        // Alive, not ready, and every request that needs grains is a 503 the client may retry.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var unready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        Assert.Contains((await unready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "cluster" && c.GetProperty("status").GetString() == "unhealthy");
        var early = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = ProcessCluster.AdminEmail, password = ProcessCluster.AdminPassword });
        await early.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.NotNull(early.Headers.RetryAfter);

        var silo = await cluster.StartSiloAsync();
        var clock = Stopwatch.StartNew();
        await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Ready {clock.Elapsed} after the silo.");

        // The start-up work ran once connected: the configured admin exists and signs in; the API books through the silo.
        var admin = await client.LoginAsync(ProcessCluster.AdminEmail, ProcessCluster.AdminPassword);
        var resource = (await LoadSetup.CreateServicesAsync(client, ProcessCluster.AdminEmail, ProcessCluster.AdminPassword, 1))[0];
        var member = (await cluster.SeedMembersAsync(1))[0];
        await client.BookAsync(member.AccessToken, new { resourceId = resource, date = ResourceSteps.Date(ResourceSteps.Soon), start = "09:00", durationMinutes = 60 });
        Assert.NotEmpty(admin.AccessToken);

        // The silo process: ready with both checks named, metrics, and no booking API.
        using var siloClient = silo.CreateClient();
        var siloReady = await siloClient.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal(["silo", "storage"], siloReady.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.All(siloReady.GetProperty("checks").EnumerateArray(), c => Assert.Equal("healthy", c.GetProperty("status").GetString()));
        Assert.Contains("orleans_catalog_activation_created_total{grain_type=\"resource-day\"}", await siloClient.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await siloClient.GetAsync("/api/v1/resources")).StatusCode);
    }

    [Theory]
    [InlineData("Booking.Silo", null)]
    [InlineData("Booking.Silo", "Sqlite")]
    [InlineData("Booking.Silo", "Memory")]
    [InlineData("Booking.Web", "Sqlite")]
    public async Task A_cluster_member_refuses_to_start_without_postgresql_and_says_why(string program, string? provider)
    {
        var settings = new Dictionary<string, string>();
        if (provider is not null)
        {
            settings["Booking__Storage__Provider"] = provider;
        }

        if (program == "Booking.Web")
        {
            settings["Booking__Cluster__Role"] = "Client";
        }

        var (exitCode, text) = await RunToExitAsync(program == "Booking.Web" ? WebProcess.AssemblyPath : WebProcess.SiloAssemblyPath, settings);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("needs PostgreSQL storage", text, StringComparison.Ordinal);
        Assert.Contains("Booking__Storage__Provider=Postgres", text, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunToExitAsync(string assembly, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("booking-refuse.").FullName,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{ChildProcesses.FreePort()}");
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + assembly);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Path.GetFileName(assembly)} was still running after 60 s: it did not refuse the configuration.");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            Directory.Delete(start.WorkingDirectory, recursive: true);
        }
    }
}
