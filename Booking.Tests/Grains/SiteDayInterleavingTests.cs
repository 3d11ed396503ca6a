using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Grains;

public sealed class SiteDayInterleavingTests : IAsyncLifetime
{
    private const int InFlight = 5;

    private readonly BookingCluster _cluster;
    private GatedBookingQuery? _gate;

    public SiteDayInterleavingTests()
    {
        _cluster = new BookingCluster(silos: 2, query: store => _gate = new GatedBookingQuery(store, InFlight));
    }

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task The_site_day_keeps_assigning_slots_while_earlier_bookings_are_still_committing()
    {
        var created = await _cluster.Client.GetGrain<ISiteGrain>(NewId("site")).CreateAsync(new CreateSiteRequest { Name = "HQ", SlotCount = 10, TimeZone = Paris });
        var siteDay = _cluster.Client.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(created.Site!.Id, Tuesday));

        // Each booking's user-day grain activates and reads the bookings rows; the gate holds those reads until
        // five bookings are in flight together, which a site-day that waited for each commit would never reach.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, InFlight).Select(i => siteDay.BookAnyAsync($"employee-{i}", "morning")));

        Assert.All(outcomes, o => Assert.True(o.IsSuccess, o.Error?.Message));
        Assert.Equal(InFlight, outcomes.Select(o => o.Booking!.ResourceId).Distinct().Count());
        Assert.Equal(InFlight, _gate!.MostWaiting);
    }
}
