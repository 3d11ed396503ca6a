using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class CancellationRulesTests
{
    private static readonly BookingRecord Session = Booked(Mentor(), For(Mentor(), Monday, "09:00", 60, user: "student"));

    private static CancelRequest By(string user, bool ownerOrAdmin = false) =>
        new() { BookingId = Session.Id, ByUserId = user, Reason = "sick", ByOwnerOrAdmin = ownerOrAdmin };

    [Fact]
    public void The_booker_may_cancel_before_the_cut_off()
    {
        Assert.Null(CancellationRules.Check(Session, By("student"), 24 * 60, Now));
    }

    [Fact]
    public void After_the_cut_off_the_booker_gets_cancellation_closed_but_the_owner_may_still_cancel()
    {
        var oneHourBefore = Session.StartUtc.AddHours(-1);

        Assert.Equal(BookingErrorCodes.CancellationClosed, CancellationRules.Check(Session, By("student"), 120, oneHourBefore)?.Code);
        Assert.Null(CancellationRules.Check(Session, By("ada", ownerOrAdmin: true), 120, oneHourBefore));
    }

    [Fact]
    public void At_the_exact_cut_off_the_booker_may_still_cancel()
    {
        Assert.Null(CancellationRules.Check(Session, By("student"), 120, Session.StartUtc.AddHours(-2)));
    }

    [Fact]
    public void Someone_else_gets_not_found()
    {
        Assert.Equal(BookingErrorCodes.NotFound, CancellationRules.Check(Session, By("stranger"), 0, Now)?.Code);
    }

    [Fact]
    public void Cancelling_twice_is_already_cancelled()
    {
        var cancelled = CancellationRules.Apply(Session, By("student"), Now);

        Assert.Equal(BookingErrorCodes.AlreadyCancelled, CancellationRules.Check(cancelled, By("student"), 0, Now)?.Code);
        Assert.Equal((BookingStatus.Cancelled, "student", "sick", (DateTimeOffset?)Now), (cancelled.Status, cancelled.CancelledBy, cancelled.CancelReason, cancelled.CancelledAt));
    }

    [Theory]
    [InlineData(BookingStatus.Completed)]
    [InlineData(BookingStatus.NoShow)]
    public void A_finished_booking_cannot_be_cancelled(BookingStatus status)
    {
        Assert.Equal(BookingErrorCodes.InvalidStatusTransition, CancellationRules.Check(Session with { Status = status }, By("ada", true), 0, Now)?.Code);
    }

    [Fact]
    public void A_live_hold_is_released_by_its_holder_whatever_the_cut_off_and_an_expired_one_is_hold_expired()
    {
        var hold = Session with { Status = BookingStatus.Pending, HoldExpiresAt = Now.AddMinutes(5) };
        var late = Session.StartUtc.AddMinutes(-1);

        Assert.Null(CancellationRules.Check(hold with { HoldExpiresAt = late.AddMinutes(5) }, By("student"), 24 * 60, late));
        Assert.Equal(BookingErrorCodes.HoldExpired, CancellationRules.Check(hold, By("student"), 0, Now.AddMinutes(5))?.Code);
    }
}
