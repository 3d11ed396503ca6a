using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Silo.Hosting;
using Booking.Tests.Bookings;
using Booking.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Booking.Tests.Load;

/// <summary>
/// The morning rush on the in-process cluster with PostgreSQL storage as the host configures it: 300 employees ask at
/// once for skewed picks among 100 slots. Whatever the number of silos, and when a silo dies mid-rush, SQL over the
/// bookings table finds no double booking, exactly the bookings reported confirmed, and each slot-period taken as often
/// as demand and capacity allow.
/// </summary>
public sealed class MorningRushLoadTests(ITestOutputHelper output)
{
    private const int Employees = 300;
    private const int Slots = 100;
    private static readonly DateOnly Tuesday = new(2027, 1, 5);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_rush_confirms_min_of_demand_and_capacity_per_slot_period_with_no_double_booking(int silos)
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var host = await BookingsHost.StartAsync(Storage(database), new FakeTimeProvider(), silos);
        var slots = await CreateSiteAsync(host);
        var demand = RushDemand.Create(Employees, Slots, seed: silos);

        var outcomes = await Task.WhenAll(demand.Asks.Select(ask => SendAsync(host.Client, slots, ask))).WaitAsync(Deadline);

        Assert.All(outcomes, o => Assert.True(o.IsSettled, $"{o.Ask} failed: {o.Error}"));
        Assert.All(outcomes.Where(o => !o.IsConfirmed), o => Assert.Equal(BookingErrorCodes.SlotUnavailable, o.Answer!.Error!.Code));
        var audit = await RushAudit.ReadAsync(database.DataSource);
        Assert.Equal(0, audit.DoubleBookings);
        Assert.Equal(0, audit.PersonalDoubleBookings);
        Assert.Equal(outcomes.Where(o => o.IsConfirmed).Select(o => o.Answer!.Booking!.Id).Order(), audit.Confirmed.Keys.Order());
        AssertEachSlotPeriodTakenAsDemandAndCapacityAllow(demand, slots, audit);
    }

    [Fact]
    public async Task Killing_a_silo_in_the_middle_of_a_rush_loses_no_confirmed_booking_and_double_books_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var time = new FakeTimeProvider();
        await using var host = await BookingsHost.StartAsync(Storage(database), time, silos: 3);
        var slots = await CreateSiteAsync(host);
        var demand = RushDemand.Create(Employees, Slots, seed: 42);
        var firstWave = demand.Asks.Take(Employees / 2).ToList();
        var victim = host.Cluster.Silos[1];

        // The silo dies as soon as half of the first wave has been answered, with the other half still in flight; the
        // second wave then arrives at the two silos left.
        var answered = 0;
        var halfAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = firstWave.Select(async ask =>
        {
            var outcome = await SendAsync(host.Client, slots, ask);
            if (Interlocked.Increment(ref answered) == firstWave.Count / 2)
            {
                halfAnswered.TrySetResult();
            }

            return outcome;
        }).ToList();
        await halfAnswered.Task.WaitAsync(Deadline);
        await host.Cluster.KillSiloAsync(victim);
        var second = demand.Asks.Skip(firstWave.Count).Select(ask => SendAsync(host.Client, slots, ask)).ToList();
        var outcomes = (await Task.WhenAll(first.Concat(second)).WaitAsync(Deadline)).ToList();
        var failedAtFirst = outcomes.Count(o => !o.IsSettled);

        // A request that failed may or may not have committed. Once the leases of the dead silo's requests have lapsed,
        // asking again must settle every one of them (the owner of its slot, or of its person, may have to be
        // re-activated from storage on a surviving silo first).
        time.Advance(BookingDefaults.LeaseDuration + TimeSpan.FromSeconds(1));
        List<RushOutcome> retried = [];
        for (var round = 0; round < 3 && outcomes.Any(o => !o.IsSettled); round++)
        {
            var again = await Task.WhenAll(outcomes.Where(o => !o.IsSettled).Select(o => SendAsync(host.Client, slots, o.Ask))).WaitAsync(Deadline);
            retried.AddRange(again);
            outcomes = [.. outcomes.Where(o => o.IsSettled), .. again];
        }

        output.WriteLine($"{failedAtFirst} of {Employees} requests failed when the silo died; {retried.Count} retries; {outcomes.Count(o => o.IsConfirmed)} confirmed.");
        Assert.False(victim.IsActive);
        Assert.All(outcomes, o => Assert.True(o.IsSettled, $"{o.Ask} still fails after retries: {o.Error}"));
        var audit = await RushAudit.ReadAsync(database.DataSource);
        Assert.Equal(0, audit.DoubleBookings);
        Assert.Equal(0, audit.PersonalDoubleBookings);
        foreach (var confirmed in outcomes.Concat(retried).Where(o => o.IsConfirmed).Select(o => o.Answer!.Booking!))
        {
            Assert.True(audit.Confirmed.TryGetValue(confirmed.Id, out var row), $"Booking {confirmed.Id} was reported confirmed but is not in the database.");
            Assert.Equal((confirmed.ResourceId, confirmed.Period), row);
        }

        AssertEachSlotPeriodTakenAsDemandAndCapacityAllow(demand, slots, audit);
    }

    private static BookingStorageOptions Storage(PostgresDatabase database) =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString };

    private static async Task<IReadOnlyList<string>> CreateSiteAsync(BookingsHost host)
    {
        var outcome = await host.Client.GetGrain<ISiteGrain>("rush-site").CreateAsync(new CreateSiteRequest
        {
            Name = "Rush",
            SlotCount = Slots,
            TimeZone = "Europe/Paris",
        });
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return [.. outcome.Site!.Slots.Select(s => s.ResourceId)];
    }

    private static async Task<RushOutcome> SendAsync(IGrainFactory client, IReadOnlyList<string> slots, RushAsk ask)
    {
        var resourceId = slots[ask.Slot];
        try
        {
            var answer = await client.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(resourceId, Tuesday))
                .BookAsync(new BookRequest { UserId = ask.UserId, ResourceId = resourceId, Date = Tuesday, Period = ask.Period });
            return new RushOutcome(ask, answer, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new RushOutcome(ask, null, exception);
        }
    }

    /// <summary>
    /// Each slot has capacity 1 over the day, so a period's capacity is what the overlapping periods confirmed there left:
    /// 1 unless another overlapping period (a <c>day</c> against a morning, say) holds the slot. Every slot-period is then
    /// confirmed exactly min(demand, capacity) times: never twice, never without demand, and never refused while free.
    /// </summary>
    private static void AssertEachSlotPeriodTakenAsDemandAndCapacityAllow(RushDemand demand, IReadOnlyList<string> slots, RushAudit audit)
    {
        var confirmed = audit.Confirmed.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        for (var slot = 0; slot < slots.Count; slot++)
        {
            foreach (var period in RushDemand.Periods)
            {
                var wanted = demand.Asks.Count(a => a.Slot == slot && a.Period == period);
                var taken = confirmed.GetValueOrDefault((slots[slot], period));
                var heldByOther = RushDemand.Periods.Any(other => other != period && RushDemand.Overlap(other, period) && confirmed.ContainsKey((slots[slot], other)));
                var capacity = heldByOther ? 0 : 1;
                Assert.True(
                    taken == Math.Min(wanted, capacity),
                    $"Slot {slot} {period}: demand {wanted}, capacity {capacity}, confirmed {taken}.");
            }
        }
    }
}
