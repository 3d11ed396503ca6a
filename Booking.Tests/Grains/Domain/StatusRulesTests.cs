using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class StatusRulesTests
{
    private static readonly BookingRecord Session = Booked(Mentor(), For(Mentor(), Monday, "09:00", 60, user: "student"));

    private static StatusChangeRequest Change(BookingStatusChange change, string user = "student", bool owner = false) =>
        new() { BookingId = Session.Id, Change = change, ByUserId = user, ByOwnerOrAdmin = owner };

    [Fact]
    public void The_booker_checks_in_before_the_end_and_a_repeat_changes_nothing()
    {
        var (checkedIn, error) = StatusRules.Apply(Session, Change(BookingStatusChange.CheckIn), Session.StartUtc);

        Assert.Null(error);
        Assert.Equal(Session.StartUtc, checkedIn!.CheckedInAt);
        Assert.Equal(BookingStatus.Confirmed, checkedIn.Status);
        Assert.Same(checkedIn, StatusRules.Apply(checkedIn, Change(BookingStatusChange.CheckIn), Session.StartUtc.AddMinutes(5)).Booking);
    }

    [Fact]
    public void Checking_in_after_the_end_is_refused()
    {
        Assert.Equal(BookingErrorCodes.InvalidStatusTransition, StatusRules.Apply(Session, Change(BookingStatusChange.CheckIn), Session.EndUtc).Error?.Code);
    }

    [Theory]
    [InlineData(BookingStatusChange.Complete, BookingStatus.Completed)]
    [InlineData(BookingStatusChange.NoShow, BookingStatus.NoShow)]
    public void The_owner_marks_a_started_booking_completed_or_no_show(BookingStatusChange change, BookingStatus expected)
    {
        var (booking, error) = StatusRules.Apply(Session, Change(change, "ada", owner: true), Session.StartUtc.AddMinutes(15));

        Assert.Null(error);
        Assert.Equal(expected, booking!.Status);
    }

    [Fact]
    public void The_booker_may_not_mark_a_no_show()
    {
        Assert.Equal(BookingErrorCodes.Forbidden, StatusRules.Apply(Session, Change(BookingStatusChange.NoShow), Session.EndUtc).Error?.Code);
    }

    [Fact]
    public void A_booking_that_has_not_started_cannot_be_completed()
    {
        Assert.Equal(BookingErrorCodes.InvalidStatusTransition, StatusRules.Apply(Session, Change(BookingStatusChange.Complete, "ada", true), Now).Error?.Code);
    }

    [Fact]
    public void Only_a_confirmed_booking_changes_status()
    {
        var cancelled = Session with { Status = BookingStatus.Cancelled };
        var hold = Session with { Status = BookingStatus.Pending };

        Assert.Equal(BookingErrorCodes.AlreadyCancelled, StatusRules.Apply(cancelled, Change(BookingStatusChange.CheckIn), Now).Error?.Code);
        Assert.Equal(BookingErrorCodes.InvalidStatusTransition, StatusRules.Apply(hold, Change(BookingStatusChange.CheckIn), Now).Error?.Code);
    }

    [Fact]
    public void A_stranger_gets_not_found()
    {
        Assert.Equal(BookingErrorCodes.NotFound, StatusRules.Apply(Session, Change(BookingStatusChange.CheckIn, "stranger"), Now).Error?.Code);
    }
}
