using System.Reflection;
using Booking.Grains;
using Booking.Grains.Interfaces;

namespace Booking.Tests.Grains.Model;

/// <summary>
/// The names Orleans stores and sends: grain types key stored state and reminders, aliases name interfaces and messages on
/// the wire. Renaming or moving a C# type must not change them, or stored state is orphaned and a rolling upgrade breaks.
/// A change here is a data migration, never a refactoring.
/// </summary>
public sealed class StableNamesTests : IAsyncLifetime
{
    private readonly BookingCluster _cluster = new(silos: 1);

    private static readonly Dictionary<string, string> GrainTypes = new()
    {
        ["ResourceDayGrain"] = "resource-day",
        ["ResourceGrain"] = "resource",
        ["ResourceDirectoryGrain"] = "resource-directory",
        ["ResourceIndexGrain"] = "resource-index",
        ["SiteGrain"] = "site",
        ["SiteDayGrain"] = "site-day",
        ["SiteDirectoryGrain"] = "site-directory",
        ["UserDayGrain"] = "user-day",
        ["UserAccountGrain"] = "user-account",
        ["UserDirectoryGrain"] = "user-directory",
        ["AuthSettingsGrain"] = "auth-settings",
        ["EmailIndexGrain"] = "email-index",
        ["NotificationInboxGrain"] = "notification-inbox",
    };

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public void Every_grain_class_pins_its_grain_type_to_the_stored_name()
    {
        var grains = typeof(GrainsAssembly).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t))
            .ToDictionary(t => t.Name, t => t.GetCustomAttribute<GrainTypeAttribute>()?.GetGrainType(null!, t).ToString());

        Assert.Equal(GrainTypes.OrderBy(p => p.Key), grains.OrderBy(p => p.Key).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));
    }

    [Fact]
    public void Every_grain_interface_and_serialized_contract_has_an_alias_of_its_own()
    {
        var types = typeof(GrainInterfacesAssembly).Assembly.GetTypes()
            .Where(t => (t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)) || t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
            .ToList();

        Assert.NotEmpty(types);
        var aliases = types.ToDictionary(t => t, t => t.GetCustomAttribute<AliasAttribute>()?.Alias);
        Assert.All(aliases, a => Assert.Equal($"booking.{a.Key.Name}", a.Value));
        Assert.Contains(types, t => t == typeof(IResourceDayGrain));
        Assert.Contains(types, t => t == typeof(Booking.Grains.Interfaces.Model.BookingRecord));
    }

    [Fact]
    public void A_reference_to_a_resource_day_is_keyed_by_the_pinned_grain_type_and_the_day_key()
    {
        var reference = _cluster.Client.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay("r1", new DateOnly(2027, 1, 5)));

        Assert.Equal("resource-day/r1/2027-01-05", reference.GetGrainId().ToString());
    }
}
