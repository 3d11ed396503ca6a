using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Hosting;
using Booking.Tests.Infrastructure;
using Booking.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Booking.Tests.Bookings;

/// <summary>
/// An Orleans in-process cluster whose silos get their storage exactly as the host does (<c>UseBookingGrains</c>: grain
/// state, reminders, the bookings table and its query), with the grains on a fake clock shared by every host of a test.
/// </summary>
internal sealed class BookingsHost : IAsyncDisposable
{
    private BookingsHost(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>The bookings query of the first silo, as the API would use it.</summary>
    public IBookingQuery Query => Cluster.Silos[0].ServiceProvider.GetRequiredService<IBookingQuery>();

    public static async Task<BookingsHost> StartAsync(
        BookingStorageOptions storage, FakeTimeProvider time, int silos = 2, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Booking:Storage:Provider"] = storage.Provider.ToString(),
            ["Booking:Storage:ConnectionString"] = storage.ConnectionString,
            ["Booking:Storage:GrainStorage"] = storage.GrainStorage.ToString(),
        };
        var cluster = TestClusters.Build(silos, settings, time, decorate: silo => configure?.Invoke(silo.Services));
        await cluster.DeployAsync();
        return new BookingsHost(cluster);
    }

    public async Task<ResourceDefinition> CreateAsync(ResourceDefinition definition)
    {
        var outcome = await Client.GetGrain<IResourceGrain>(definition.Id).CreateAsync(definition);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Resource;
    }

    public IResourceDayGrain Day(string resourceId, DateOnly date) => Client.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(resourceId, date));

    /// <summary>Books and fails the test if the booking is refused.</summary>
    public async Task<BookingRecord> BookAsync(BookRequest request)
    {
        var outcome = await Day(request.ResourceId, request.Date).BookAsync(request);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Booking!;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
