using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Storage;
using Booking.Tests.Infrastructure;
using Booking.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Booking.Tests.Grains;

/// <summary>
/// A two-silo in-process cluster with memory storage (one store shared by the silos, like a database) and reminders, one bookings store shared by the silos (so a
/// user-day grain on one silo reads the rows written on the other), and a fake clock starting Monday 2027-01-04 08:00 Paris.
/// </summary>
public sealed class BookingCluster : IAsyncLifetime
{
    public const string Paris = "Europe/Paris";

    /// <summary>Tuesday after the clock's start.</summary>
    public static readonly DateOnly Tuesday = new(2027, 1, 5);

    public BookingCluster()
        : this(silos: 2)
    {
    }

    public BookingCluster(int silos, Func<InMemoryBookingStore, IBookingQuery>? query = null)
    {
        var bookingQuery = query?.Invoke(Store) ?? Store;
        // One memory storage for every silo, as one database would be: a grain re-activated on another silo (after a
        // silo dies) reads what the first activation wrote.
        var storage = new Booking.Silo.Storage.Memory.MemoryGrainStorage(new JsonGrainStateSerializer(), Store);
        Cluster = TestClusters.Build(
            silos,
            TestClusters.Memory(),
            Time,
            configure: silo =>
            {
                silo.Services.AddSingleton(bookingQuery);
                silo.Services.AddInMemoryBookingStore(Store);
            },
            decorate: silo => silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Projected, storage));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero));

    public InMemoryBookingStore Store { get; } = new();

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Creates a resource (a fresh id) and fails the test if it is refused.</summary>
    public async Task<ResourceDefinition> CreateAsync(ResourceDefinition definition)
    {
        var outcome = await Client.GetGrain<IResourceGrain>(definition.Id).CreateAsync(definition);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Resource;
    }

    public IResourceDayGrain Day(string resourceId, DateOnly date) => Client.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(resourceId, date));

    public static ResourceDefinition Salon(int capacity) => new()
    {
        Id = NewId("salon"),
        Kind = ResourceKind.Service,
        Name = "Coiffure",
        Capacity = capacity,
        TimeZone = Paris,
        SlotMinutes = 30,
        Weekly = [.. Enum.GetValues<DayOfWeek>().Select(d => WeeklyWindow.Of(d, new(8, 0), new(18, 0)))],
    };

    public static ResourceDefinition Mentor() => new()
    {
        Id = NewId("mentor"),
        Kind = ResourceKind.Mentor,
        Name = "Ada",
        TimeZone = Paris,
        SlotMinutes = 30,
        Durations = [30, 60, 90, 120],
        Weekly = [.. Enum.GetValues<DayOfWeek>().Select(d => WeeklyWindow.Of(d, new(9, 0), new(18, 0)))],
    };

    public static ResourceDefinition ParkingSlot() => new()
    {
        Id = NewId("slot"),
        Kind = ResourceKind.ParkingSlot,
        Name = "P1",
        TimeZone = Paris,
        SlotMinutes = 60,
        Periods = new Dictionary<string, TimeWindow>
        {
            ["morning"] = TimeWindow.Of(new(7, 0), new(13, 0)),
            ["afternoon"] = TimeWindow.Of(new(13, 0), new(20, 0)),
            ["day"] = TimeWindow.Of(new(7, 0), new(20, 0)),
        },
        Weekly = [.. Enum.GetValues<DayOfWeek>().Select(d => WeeklyWindow.Of(d, new(7, 0), new(20, 0)))],
    };

    public static BookRequest Request(ResourceDefinition resource, string user, string start, int minutes, DateOnly? date = null) => new()
    {
        UserId = user,
        ResourceId = resource.Id,
        Date = date ?? Tuesday,
        Start = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        DurationMinutes = minutes,
    };

    public static BookRequest PeriodRequest(ResourceDefinition resource, string user, string period, DateOnly? date = null) => new()
    {
        UserId = user,
        ResourceId = resource.Id,
        Date = date ?? Tuesday,
        Period = period,
    };

    /// <summary>Polls (in real time, up to 10 s) until <paramref name="condition"/> holds; for effects of timers fired by the fake clock.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 seconds.");
            await Task.Delay(10);
        }
    }

    /// <summary>The silo that hosts the (active) grain <typeparamref name="T"/> with <paramref name="key"/>, or null.</summary>
    public InProcessSiloHandle? OwnerOf<T>(string key)
        where T : IGrainWithStringKey
    {
        var grainId = Client.GetGrain<T>(key).GetGrainId();
        return Cluster.Silos.FirstOrDefault(s => s.ServiceProvider.GetRequiredService<ILocalActivationStatusChecker>().IsLocallyActivated(grainId));
    }
}
