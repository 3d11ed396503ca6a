using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Grains;

public sealed class SiteDayGrainTests : IAsyncLifetime
{
    private readonly BookingCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_morning_rush_of_100_users_on_a_20_slot_site_assigns_20_distinct_slots_and_80_site_full()
    {
        var site = await CreateSiteAsync(slots: 20);
        var siteDay = SiteDay(site);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => siteDay.BookAnyAsync($"employee-{i}", "morning")));

        var assigned = outcomes.Where(o => o.IsSuccess).Select(o => o.Booking!).ToList();
        Assert.Equal(20, assigned.Count);
        Assert.Equal(site.Slots.Select(s => s.ResourceId).Order(), assigned.Select(b => b.ResourceId).Order());
        Assert.Equal(20, assigned.Select(b => b.UserId).Distinct().Count());
        Assert.Equal(80, outcomes.Count(o => o.Error?.Code == BookingErrorCodes.SiteFull));
        Assert.Equal(20, _cluster.Store.Rows.Count(r => r.Period == "morning" && r.Status == BookingStatus.Confirmed));
        Assert.All(await siteDay.GetSlotStatusAsync("morning"), s => Assert.False(s.Free));
        Assert.All(await siteDay.GetSlotStatusAsync("afternoon"), s => Assert.True(s.Free));
    }

    [Fact]
    public async Task An_employee_who_already_has_a_place_gets_user_conflict_and_uses_no_slot()
    {
        var site = await CreateSiteAsync(slots: 3);
        var siteDay = SiteDay(site);

        var first = await siteDay.BookAnyAsync("emma", "morning");
        var again = await siteDay.BookAnyAsync("emma", "day");

        Assert.True(first.IsSuccess);
        Assert.Equal(BookingErrorCodes.UserConflict, again.Error?.Code);
        Assert.Equal(2, (await siteDay.GetSlotStatusAsync("day")).Count(s => s.Free));
    }

    [Fact]
    public async Task A_day_booking_is_never_given_a_slot_whose_morning_is_taken()
    {
        var site = await CreateSiteAsync(slots: 2);
        var siteDay = SiteDay(site);
        var morning = await siteDay.BookAnyAsync("emma", "morning");

        var day = await siteDay.BookAnyAsync("farid", "day");
        var secondDay = await siteDay.BookAnyAsync("gina", "day");
        var afternoon = await siteDay.BookAnyAsync("hugo", "afternoon");

        Assert.NotEqual(morning.Booking!.ResourceId, day.Booking?.ResourceId);
        Assert.Equal(BookingErrorCodes.SiteFull, secondDay.Error?.Code);
        Assert.Equal(morning.Booking.ResourceId, afternoon.Booking?.ResourceId);
    }

    [Fact]
    public async Task A_slot_booked_directly_is_skipped_and_a_cancelled_one_is_assigned_again()
    {
        var site = await CreateSiteAsync(slots: 2);
        var siteDay = SiteDay(site);
        var slot1 = site.Slots[0].ResourceId;
        var direct = await _cluster.Day(slot1, Tuesday).BookAsync(new BookRequest { UserId = "direct", ResourceId = slot1, Date = Tuesday, Period = "morning" });
        Assert.True(direct.IsSuccess);

        var assigned = await siteDay.BookAnyAsync("emma", "morning");
        var full = await siteDay.BookAnyAsync("farid", "morning");
        await _cluster.Day(slot1, Tuesday).CancelAsync(new CancelRequest { BookingId = direct.Booking!.Id, ByUserId = "direct" });
        var reassigned = await siteDay.BookAnyAsync("farid", "morning");

        Assert.Equal(site.Slots[1].ResourceId, assigned.Booking?.ResourceId);
        Assert.Equal(BookingErrorCodes.SiteFull, full.Error?.Code);
        Assert.Equal(slot1, reassigned.Booking?.ResourceId);
    }

    [Fact]
    public async Task A_morning_booked_directly_and_read_back_from_the_slot_leaves_its_afternoon_assignable()
    {
        var site = await CreateSiteAsync(slots: 1);
        var slot = site.Slots[0].ResourceId;
        Assert.True((await _cluster.Day(slot, Tuesday).BookAsync(new BookRequest { UserId = "direct", ResourceId = slot, Date = Tuesday, Period = "morning" })).IsSuccess);

        var statuses = await SiteDay(site).GetSlotStatusAsync("afternoon");
        var afternoon = await SiteDay(site).BookAnyAsync("emma", "afternoon");

        Assert.True(Assert.Single(statuses).Free);
        Assert.Equal(slot, afternoon.Booking?.ResourceId);
        Assert.False(Assert.Single(await SiteDay(site).GetSlotStatusAsync("day")).Free);
    }

    [Fact]
    public async Task An_unknown_period_or_site_is_refused()
    {
        var site = await CreateSiteAsync(slots: 1);

        Assert.Equal(BookingErrorCodes.ValidationFailed, (await SiteDay(site).BookAnyAsync("emma", "night")).Error?.Code);
        Assert.Equal(BookingErrorCodes.SiteNotFound, (await _cluster.Client.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay("nowhere", Tuesday)).BookAnyAsync("emma", "morning")).Error?.Code);
    }

    [Fact]
    public async Task Creating_a_site_creates_its_parking_slot_resources_and_a_second_creation_is_already_exists()
    {
        var siteId = NewId("site");
        var request = new CreateSiteRequest { Name = "HQ", Address = "1 rue de la Paix", SlotNumbers = ["A1", "A2"], TimeZone = Paris, OwnerId = "manager" };

        var created = await _cluster.Client.GetGrain<ISiteGrain>(siteId).CreateAsync(request);
        var again = await _cluster.Client.GetGrain<ISiteGrain>(siteId).CreateAsync(request);

        Assert.True(created.IsSuccess, created.Error?.Message);
        Assert.Equal(["A1", "A2"], created.Site!.Slots.Select(s => s.Number));
        Assert.Equal(BookingErrorCodes.AlreadyExists, again.Error?.Code);
        var slot = await _cluster.Client.GetGrain<IResourceGrain>(created.Site.Slots[1].ResourceId).GetAsync();
        Assert.Equal((ResourceKind.ParkingSlot, siteId, "HQ A2", "manager"), (slot!.Kind, slot.ParentId, slot.Name, slot.OwnerId));
        Assert.Equal(["afternoon", "day", "morning"], slot.Periods.Keys.Order());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, null)]
    [InlineData(3, new[] { "1" })]
    [InlineData(null, new[] { "1", "1" })]
    public async Task An_invalid_site_is_refused(int? count, string[]? numbers)
    {
        var outcome = await _cluster.Client.GetGrain<ISiteGrain>(NewId("site")).CreateAsync(new CreateSiteRequest { Name = "HQ", SlotCount = count, SlotNumbers = numbers, TimeZone = Paris });

        Assert.Equal(BookingErrorCodes.ValidationFailed, outcome.Error?.Code);
    }

    private async Task<SiteDefinition> CreateSiteAsync(int slots)
    {
        var outcome = await _cluster.Client.GetGrain<ISiteGrain>(NewId("site")).CreateAsync(new CreateSiteRequest { Name = "HQ", SlotCount = slots, TimeZone = Paris });
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Site;
    }

    private ISiteDayGrain SiteDay(SiteDefinition site) => _cluster.Client.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(site.Id, Tuesday));
}
