using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class SiteSlotBoardTests
{
    private static SiteDefinition Site(int slots) => new()
    {
        Id = "site-1",
        Name = "HQ",
        TimeZone = Paris,
        Periods = ParkingPeriods(),
        Slots = [.. Enumerable.Range(1, slots).Select(i => new SiteSlot { ResourceId = $"s{i}", Number = $"{i}" })],
    };

    [Fact]
    public void Leases_hand_out_distinct_slots_in_site_order_until_none_is_left()
    {
        var board = new SiteSlotBoard(Site(2));

        Assert.Equal("s1", board.TryLease("l1", "morning")?.ResourceId);
        Assert.Equal("s2", board.TryLease("l2", "morning")?.ResourceId);
        Assert.Null(board.TryLease("l3", "morning"));
        Assert.Equal("s1", board.TryLease("l4", "afternoon")?.ResourceId);
    }

    [Fact]
    public void A_released_lease_frees_its_slot_and_a_committed_one_keeps_it()
    {
        var board = new SiteSlotBoard(Site(2));
        board.TryLease("l1", "morning");
        board.TryLease("l2", "morning");

        board.Release("l1");
        board.Commit("l2");

        Assert.Equal(0, board.LeaseCount);
        Assert.True(board.IsFree("s1", "morning"));
        Assert.False(board.IsFree("s2", "morning"));
    }

    [Fact]
    public void A_day_clashes_with_either_half_of_the_same_slot()
    {
        var board = new SiteSlotBoard(Site(1));
        board.MarkTaken("s1", "morning");

        Assert.False(board.IsFree("s1", "day"));
        Assert.True(board.IsFree("s1", "afternoon"));

        board.TryLease("l1", "afternoon");
        board.ReplaceTaken("s1", []);

        Assert.False(board.IsFree("s1", "day"));
        Assert.True(board.IsFree("s1", "morning"));
    }

    [Fact]
    public void Occupancy_takes_the_periods_it_fills_and_leaves_the_other_half_free()
    {
        var board = new SiteSlotBoard(Site(1));

        board.ReplaceTaken("s1", SiteSlotBoard.FullRanges(Occupancy(new(13, 0), new(20, 0))));

        Assert.False(board.IsFree("s1", "afternoon"));
        Assert.False(board.IsFree("s1", "day"));
        Assert.True(board.IsFree("s1", "morning"));
    }

    [Fact]
    public void A_morning_read_from_occupancy_does_not_take_the_afternoon_through_the_day_it_blocks()
    {
        var board = new SiteSlotBoard(Site(1));

        board.ReplaceTaken("s1", SiteSlotBoard.FullRanges(Occupancy(new(7, 0), new(13, 0))));

        Assert.True(board.IsFree("s1", "afternoon"));
        Assert.False(board.IsFree("s1", "day"));
        Assert.Equal("s1", board.TryLease("l1", "afternoon")?.ResourceId);
    }

    [Fact]
    public void A_range_with_capacity_left_takes_nothing()
    {
        var board = new SiteSlotBoard(Site(1));
        var occupancy = Occupancy(new(7, 0), new(13, 0)) with
        {
            Capacity = 2,
            Taken = [new OccupancySegment { Start = new(7, 0), End = new(13, 0), Booked = 1, Remaining = 1 }],
        };

        board.ReplaceTaken("s1", SiteSlotBoard.FullRanges(occupancy));

        Assert.True(board.IsFree("s1", "day"));
    }

    private static DayOccupancy Occupancy(TimeOnly start, TimeOnly end) => new()
    {
        ResourceId = "s1",
        Date = Monday,
        Capacity = 1,
        Taken = [new OccupancySegment { Start = start, End = end, Booked = 1, Remaining = 0 }],
    };

    [Fact]
    public void Replacing_what_is_taken_keeps_leases_in_flight()
    {
        var board = new SiteSlotBoard(Site(1));
        board.TryLease("l1", "morning");

        board.ReplaceTaken("s1", []);

        Assert.False(board.IsFree("s1", "morning"));
        Assert.Equal(0, board.FreeCount("day"));
        Assert.Equal(1, board.FreeCount("afternoon"));
    }

    [Fact]
    public void Period_names_are_matched_ignoring_case()
    {
        Assert.Equal("morning", new SiteSlotBoard(Site(1)).CanonicalPeriod("Morning"));
        Assert.Null(new SiteSlotBoard(Site(1)).CanonicalPeriod("night"));
    }
}
