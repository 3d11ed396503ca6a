using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;

namespace Booking.Tests.Grains;

public sealed class SiteDirectoryGrainTests : IAsyncLifetime
{
    private readonly BookingCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_created_site_is_listed_once_with_its_slot_count_even_when_its_creation_is_repeated()
    {
        var id = BookingCluster.NewId("site");
        var request = new CreateSiteRequest { Name = "Siège", Address = "1 rue de la Paix", SlotCount = 3, TimeZone = BookingCluster.Paris };
        Assert.True((await _cluster.Client.GetGrain<ISiteGrain>(id).CreateAsync(request)).IsSuccess);
        Assert.Equal(BookingErrorCodes.AlreadyExists, (await _cluster.Client.GetGrain<ISiteGrain>(id).CreateAsync(request)).Error?.Code);

        var sites = await _cluster.Client.GetGrain<ISiteDirectoryGrain>(ISiteDirectoryGrain.Key).ListAsync();

        var site = Assert.Single(sites, s => s.Id == id);
        Assert.Equal("Siège", site.Name);
        Assert.Equal("1 rue de la Paix", site.Address);
        Assert.Equal(3, site.SlotCount);
    }
}
