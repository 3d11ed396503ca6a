using Booking.Grains.Interfaces;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Grains;

public sealed class ResourceIndexGrainTests : IAsyncLifetime
{
    private readonly BookingCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_service_is_found_by_its_name_whatever_the_case_and_spacing()
    {
        var name = $"Coiffure {Guid.NewGuid():N}";
        var salon = await _cluster.CreateAsync(Salon(capacity: 1) with { Name = name });

        var found = await Entry(ResourceIndexKeys.ServiceName("  " + name.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal))).GetAsync();

        Assert.Equal(salon.Id, found);
    }

    [Fact]
    public async Task Renaming_a_service_moves_its_entry_and_deactivating_it_frees_the_name_for_another()
    {
        var name = $"Barbier {Guid.NewGuid():N}";
        var salon = await _cluster.CreateAsync(Salon(capacity: 1) with { Name = name });
        var grain = _cluster.Client.GetGrain<IResourceGrain>(salon.Id);

        Assert.True((await grain.UpdateAsync(salon with { Name = name + " bis" })).IsSuccess);
        Assert.Null(await Entry(ResourceIndexKeys.ServiceName(name)).GetAsync());
        Assert.Equal(salon.Id, await Entry(ResourceIndexKeys.ServiceName(name + " bis")).GetAsync());

        Assert.True((await grain.DeactivateAsync()).IsSuccess);
        var successor = await _cluster.CreateAsync(Salon(capacity: 1) with { Name = name + " bis" });
        Assert.Equal(successor.Id, await Entry(ResourceIndexKeys.ServiceName(name + " bis")).GetAsync());
    }

    [Fact]
    public async Task The_first_service_with_a_name_keeps_it()
    {
        var name = $"Manucure {Guid.NewGuid():N}";
        var first = await _cluster.CreateAsync(Salon(capacity: 1) with { Name = name });
        await _cluster.CreateAsync(Salon(capacity: 1) with { Name = name });

        Assert.Equal(first.Id, await Entry(ResourceIndexKeys.ServiceName(name)).GetAsync());
    }

    [Fact]
    public async Task A_mentor_is_found_by_its_owner()
    {
        var owner = Guid.NewGuid().ToString("N");
        var mentor = await _cluster.CreateAsync(Mentor() with { OwnerId = owner });

        Assert.Equal(mentor.Id, await Entry(ResourceIndexKeys.MentorOwner(owner)).GetAsync());
    }

    private IResourceIndexGrain Entry(string key) => _cluster.Client.GetGrain<IResourceIndexGrain>(key);
}
