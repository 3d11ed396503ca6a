using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Reliability;
using Xunit.Abstractions;

namespace Booking.Tests.Cluster;

/// <summary>
/// Two Booking.Silo processes and two Booking.Web processes in client mode on one PostgreSQL: what one API host wrote, the
/// other reads, and a morning rush split across both hosts confirms exactly the site's capacity, as one co-hosted process
/// does on the same workload.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClusterRushTests(ITestOutputHelper output)
{
    private const int Members = 500;
    private const int Slots = 25;

    [Fact]
    public async Task A_rush_split_across_two_api_hosts_and_two_silos_confirms_exactly_the_capacity_and_either_host_reads_every_booking()
    {
        // The cluster, and for comparison one process that co-hosts its silo on a database of its own; all start at once
        // (the API hosts wait for a silo by themselves).
        await using var cluster = await ProcessCluster.CreateAsync();
        await using var single = await ProcessCluster.CreateAsync();
        var silosStarting = Task.WhenAll(cluster.StartSiloAsync(), cluster.StartSiloAsync());
        var apisStarting = Task.WhenAll(cluster.StartApiAsync(), cluster.StartApiAsync());
        var coHosted = await single.StartCoHostedAsync();
        var (silos, apis) = (await silosStarting, await apisStarting);
        var clients = apis.Select(a => a.CreateClient()).ToList();
        using var coHostedClient = coHosted.CreateClient();
        var siteId = await SiteRush.CreateSiteAsync(clients[0], Slots);
        var singleSite = await SiteRush.CreateSiteAsync(coHostedClient, Slots);
        var members = await cluster.SeedMembersAsync(Members);
        var singleMembers = await single.SeedMembersAsync(Members);

        var (answers, elapsed) = await SiteRush.RunAsync(clients, siteId, members);

        output.WriteLine($"cluster (2 API hosts, 2 silos): {Members} asks settled in {elapsed.TotalMilliseconds:F0} ms = {Members / elapsed.TotalSeconds:F0} asks/s; "
            + string.Join(", ", answers.GroupBy(a => $"{(int)a.Status} {a.Code}").Select(g => $"{g.Key} × {g.Count()}")));
        Assert.Equal(2 * Slots, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal((HttpStatusCode.Conflict, "site_full"), (a.Status, a.Code)));
        Assert.All(SiteRush.Periods, p => Assert.Equal(Slots, answers.Count(a => a.Period == p && a.Status == HttpStatusCode.Created)));
        Assert.All(Enumerable.Range(0, apis.Length), h => Assert.Contains(answers, a => a.Host == h && a.Status == HttpStatusCode.Created));

        // SQL: exactly the 201s, each slot once per period, no overlap on a slot or for a person.
        var audit = await BookingsAudit.ReadAsync(cluster.ConnectionString);
        var confirmed = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(confirmed.Select(a => a.BookingId).Order(), audit.Confirmed.Select(r => r.Id).Order());
        Assert.Equal(audit.Rows.Count, audit.Confirmed.Count());
        Assert.Equal(0, audit.ResourceOverlaps);
        Assert.Equal(0, audit.PersonalOverlaps);
        Assert.Equal(2 * Slots, audit.Confirmed.Select(r => (r.ResourceId, r.Start)).Distinct().Count());

        // Each booking, made through one host, is read through the other: by id, and in its booker's list.
        foreach (var answer in confirmed.Take(10))
        {
            var other = clients[(answer.Host + 1) % clients.Count];
            var token = members.Single(m => m.Id == answer.UserId).AccessToken;
            var read = await other.SendAsync(HttpMethod.Get, $"/api/v1/bookings/{answer.BookingId}", token);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("confirmed", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            var listed = await (await other.SendAsync(HttpMethod.Get, "/api/v1/bookings", token)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([answer.BookingId], listed.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        }

        // The same rush on the co-hosted process.
        var (singleAnswers, singleElapsed) = await SiteRush.RunAsync([coHostedClient], singleSite, singleMembers);
        output.WriteLine($"one co-hosted process: {Members} asks settled in {singleElapsed.TotalMilliseconds:F0} ms = {Members / singleElapsed.TotalSeconds:F0} asks/s");
        Assert.Equal(2 * Slots, singleAnswers.Count(a => a.Status == HttpStatusCode.Created));

        // Everyone asks again for the other period: the site is full, the accounts and grains are active, so this measures
        // what a request costs once nothing has to be read from the database (every answer a 409).
        var (again, againElapsed) = await SiteRush.RunAsync(clients, siteId, members, shift: 1);
        var (singleAgain, singleAgainElapsed) = await SiteRush.RunAsync([coHostedClient], singleSite, singleMembers, shift: 1);
        output.WriteLine($"warm repeat: cluster {Members / againElapsed.TotalSeconds:F0} asks/s, one co-hosted process {Members / singleAgainElapsed.TotalSeconds:F0} asks/s");
        Assert.All(again.Concat(singleAgain), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.All(silos, s => Assert.False(s.HasExited));
    }
}
