using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class FreeSlotFinderTests
{
    private static IEnumerable<string> Labels(IEnumerable<FreeSlot> slots) =>
        slots.Select(s => $"{s.Start:HH:mm}-{s.End:HH:mm}");

    [Fact]
    public void Free_hour_slots_of_a_mentor_follow_the_grid_inside_the_windows_around_a_booking()
    {
        var booked = Booked(Mentor(), For(Mentor(), Monday, "10:00", 60));

        var slots = FreeSlotFinder.FindFreeSlots(Mentor(), Monday, [booked], Now, 60);

        Assert.Equal(
            ["09:00-10:00", "11:00-12:00", "14:00-15:00", "14:30-15:30", "15:00-16:00", "15:30-16:30", "16:00-17:00", "16:30-17:30", "17:00-18:00"],
            Labels(slots));
        Assert.All(slots, s => Assert.Equal(Monday, s.Date));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), slots[0].StartUtc);
    }

    [Fact]
    public void Without_a_duration_a_mentor_offers_its_shortest_session()
    {
        var slots = FreeSlotFinder.FindFreeSlots(Mentor(), Monday, [], Now);

        Assert.Equal(14, slots.Count);
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.EndUtc - s.StartUtc));
    }

    [Fact]
    public void A_duration_the_resource_does_not_allow_offers_nothing()
    {
        Assert.Empty(FreeSlotFinder.FindFreeSlots(Mentor(), Monday, [], Now, 45));
    }

    [Fact]
    public void Parking_offers_its_free_periods_and_day_disappears_when_a_half_is_taken()
    {
        var slot = ParkingSlot();
        Assert.Equal(["morning", "day", "afternoon"], FreeSlotFinder.FindFreeSlots(slot, Monday, [], Now).Select(s => s.Period));

        var morning = Booked(slot, Period(slot, Monday, "morning"));

        Assert.Equal(["afternoon"], FreeSlotFinder.FindFreeSlots(slot, Monday, [morning], Now).Select(s => s.Period));
    }

    [Fact]
    public void Slots_that_have_started_are_not_offered()
    {
        var elevenInParis = new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

        var slots = FreeSlotFinder.FindFreeSlots(Mentor(), Monday, [], elevenInParis, 60);

        Assert.Equal("11:00-12:00", Labels(slots).First());
    }

    [Fact]
    public void A_closed_date_has_no_free_slots()
    {
        Assert.Empty(FreeSlotFinder.FindFreeSlots(Mentor(), Monday.AddDays(5), [], Now, 30));
    }

    [Fact]
    public void Alternatives_are_the_three_nearest_free_slots_of_the_same_length_on_that_date()
    {
        var bookings = new[]
        {
            Booked(Mentor(), For(Mentor(), Monday, "09:00", 120)),
            Booked(Mentor(), For(Mentor(), Monday, "14:00", 60)),
        };
        var refused = For(Mentor(), Monday, "10:00", 60);

        var alternatives = FreeSlotFinder.Alternatives(Mentor(), refused, bookings, Now);

        // 11:00 is 60 min away; 15:00 is 300, 15:30 is 330.
        Assert.Equal(["11:00-12:00", "15:00-16:00", "15:30-16:30"], Labels(alternatives));
    }

    [Fact]
    public void Equally_near_alternatives_come_earliest_first()
    {
        var booked = Booked(Mentor(), For(Mentor(), Monday, "15:00", 60));

        var alternatives = FreeSlotFinder.Alternatives(Mentor(), For(Mentor(), Monday, "15:00", 60), [booked], Now);

        Assert.Equal(["14:00-15:00", "16:00-17:00", "16:30-17:30"], Labels(alternatives));
    }

    [Fact]
    public void Alternatives_to_a_taken_period_are_the_other_free_periods()
    {
        var slot = ParkingSlot();
        var morning = Booked(slot, Period(slot, Monday, "morning"));

        var alternatives = FreeSlotFinder.Alternatives(slot, Period(slot, Monday, "day"), [morning], Now);

        Assert.Equal(["afternoon"], alternatives.Select(a => a.Period));
    }

    [Fact]
    public void A_request_of_an_impossible_shape_has_no_alternatives()
    {
        Assert.Empty(FreeSlotFinder.Alternatives(Mentor(), For(Mentor(), Monday, "10:00", 45), [], Now));
    }
}
