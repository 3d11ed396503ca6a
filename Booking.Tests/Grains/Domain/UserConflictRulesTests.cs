using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class UserConflictRulesTests
{
    private static readonly DateTimeOffset Nine = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static UserDayEntry Entry(string id, ResourceKind kind, int fromHour, int toHour, string? period = null, DateTimeOffset? expires = null) =>
        new(id, "r-" + id, kind, Nine.AddHours(fromHour - 9), Nine.AddHours(toHour - 9), period, expires);

    [Fact]
    public void Two_overlapping_appointments_conflict_even_on_different_kinds_of_resource()
    {
        var session = Entry("a", ResourceKind.Mentor, 9, 10);
        var haircut = Entry("b", ResourceKind.Service, 9, 11);

        Assert.True(UserConflictRules.Conflicts(session, haircut));
    }

    [Fact]
    public void Back_to_back_appointments_do_not_conflict()
    {
        Assert.False(UserConflictRules.Conflicts(Entry("a", ResourceKind.Mentor, 9, 10), Entry("b", ResourceKind.Mentor, 10, 11)));
    }

    [Fact]
    public void Parking_during_an_appointment_is_not_a_conflict()
    {
        Assert.False(UserConflictRules.Conflicts(Entry("a", ResourceKind.ParkingSlot, 7, 13, "morning"), Entry("b", ResourceKind.Mentor, 9, 10)));
    }

    [Fact]
    public void A_parking_day_conflicts_with_a_morning_and_an_afternoon_but_those_two_do_not_conflict()
    {
        var morning = Entry("m", ResourceKind.ParkingSlot, 7, 13, "morning");
        var afternoon = Entry("a", ResourceKind.ParkingSlot, 13, 20, "afternoon");
        var day = Entry("d", ResourceKind.ParkingSlot, 7, 20, "day");

        Assert.True(UserConflictRules.Conflicts(morning, day));
        Assert.True(UserConflictRules.Conflicts(day, afternoon));
        Assert.False(UserConflictRules.Conflicts(morning, afternoon));
        Assert.True(UserConflictRules.Conflicts(morning, Entry("m2", ResourceKind.ParkingSlot, 7, 13, "morning")));
    }

    [Fact]
    public void An_entry_does_not_conflict_with_itself_so_a_hold_can_become_its_booking()
    {
        var hold = Entry("h", ResourceKind.Mentor, 9, 10);

        Assert.False(UserConflictRules.Conflicts(hold, hold with { ExpiresAt = null }));
    }

    [Fact]
    public void An_expired_entry_is_ignored()
    {
        var expired = Entry("h", ResourceKind.Mentor, 9, 10, expires: Now);

        Assert.Null(UserConflictRules.FindConflict([expired], Entry("b", ResourceKind.Mentor, 9, 10), Now));
        Assert.NotNull(UserConflictRules.FindConflict([expired], Entry("b", ResourceKind.Mentor, 9, 10), Now.AddTicks(-1)));
    }
}
