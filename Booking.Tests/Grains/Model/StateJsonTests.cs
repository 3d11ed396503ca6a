using System.Text.Json.Nodes;
using Booking.Grains;
using Booking.Grains.Interfaces.Model;
using Booking.Silo.Storage;

namespace Booking.Tests.Grains.Model;

public sealed class StateJsonTests
{
    private static readonly JsonGrainStateSerializer Serializer = new();

    [Fact]
    public void A_resource_day_state_round_trips_through_the_storage_serializer_with_its_wire_names()
    {
        var state = new ResourceDayState
        {
            Bookings = [MessageJsonTests.SampleBooking()],
            Idempotency = { ["u1\u001fk1"] = new IdempotencyEntry { BookingId = "b1", Fingerprint = "abc" } },
        };

        var json = Serializer.Serialize(state);
        var back = Serializer.Deserialize<ResourceDayState>(json);

        Assert.Equal(json, Serializer.Serialize(back));
        var node = JsonNode.Parse(json)!;
        Assert.Equal("b1", (string?)node["bookings"]![0]!["id"]);
        Assert.Equal("abc", (string?)node["idempotency"]!["u1\u001fk1"]!["fingerprint"]);
        Assert.Equal("b1", (string?)node["idempotency"]!["u1\u001fk1"]!["bookingId"]);
    }

    [Fact]
    public void A_resource_state_round_trips_with_its_wire_names()
    {
        var json = Serializer.Serialize(new ResourceState { Definition = MessageJsonTests.SampleResource() });

        Assert.Equal(json, Serializer.Serialize(Serializer.Deserialize<ResourceState>(json)));
        Assert.Equal("r1", (string?)JsonNode.Parse(json)!["definition"]!["id"]);
    }

    [Fact]
    public void A_resource_index_state_round_trips_with_its_wire_names()
    {
        var json = Serializer.Serialize(new ResourceIndexState { ResourceId = "r1", ClaimedAt = new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero) });

        Assert.Equal(json, Serializer.Serialize(Serializer.Deserialize<ResourceIndexState>(json)));
        var node = JsonNode.Parse(json)!;
        Assert.Equal("r1", (string?)node["resourceId"]);
        Assert.NotNull(node["claimedAt"]);
    }

    [Fact]
    public void A_site_directory_state_round_trips_with_its_wire_names()
    {
        var state = new SiteDirectoryState();
        state.Sites["s1"] = new SiteSummary { Id = "s1", Name = "HQ", Address = "1 rue", SlotCount = 20, CreatedAt = new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero) };

        var json = Serializer.Serialize(state);

        Assert.Equal(json, Serializer.Serialize(Serializer.Deserialize<SiteDirectoryState>(json)));
        var node = JsonNode.Parse(json)!;
        Assert.Equal("HQ", (string?)node["sites"]!["s1"]!["name"]);
        Assert.Equal(20, (int?)node["sites"]!["s1"]!["slotCount"]);
    }

    [Fact]
    public void A_site_state_round_trips_with_its_wire_names()
    {
        var state = new SiteState
        {
            Site = new SiteDefinition
            {
                Id = "s",
                Name = "HQ",
                TimeZone = "Europe/Paris",
                Slots = [new SiteSlot { ResourceId = "r", Number = "A1" }],
                Periods = new Dictionary<string, TimeWindow> { ["day"] = TimeWindow.Of(new(7, 0), new(20, 0)) },
            },
            SlotDefinition = MessageJsonTests.SampleResource(),
        };

        var json = Serializer.Serialize(state);

        Assert.Equal(json, Serializer.Serialize(Serializer.Deserialize<SiteState>(json)));
        var node = JsonNode.Parse(json)!;
        Assert.Equal("A1", (string?)node["site"]!["slots"]![0]!["number"]);
        Assert.Equal("20:00", (string?)node["site"]!["periods"]!["day"]!["end"]);
        Assert.Equal("r1", (string?)node["slotDefinition"]!["id"]);
    }

    [Fact]
    public void A_fresh_state_is_empty()
    {
        Assert.Empty(JsonGrainStateSerializer.CreateInstance<ResourceDayState>().Bookings);
        Assert.Null(JsonGrainStateSerializer.CreateInstance<ResourceState>().Definition);
        Assert.Null(JsonGrainStateSerializer.CreateInstance<SiteState>().Site);
    }
}
