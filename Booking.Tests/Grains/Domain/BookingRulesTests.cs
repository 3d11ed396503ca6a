using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class BookingRulesTests
{
    [Fact]
    public void A_free_slot_inside_availability_is_accepted_with_local_and_utc_times()
    {
        var decision = BookingRules.Decide(Mentor(), For(Mentor(), Monday, "09:00", 60), [], Now);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
        Assert.Equal(new TimeOnly(9, 0), decision.Interval.Start);
        Assert.Equal(new TimeOnly(10, 0), decision.Interval.End);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), decision.Interval.StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero), decision.Interval.EndUtc);
    }

    [Fact]
    public void An_inactive_resource_refuses_before_any_other_rule()
    {
        var resource = Mentor() with { Active = false };

        var decision = BookingRules.Decide(resource, For(resource, new DateOnly(2020, 1, 1), "03:17", 45), [], Now);

        Assert.Equal(BookingErrorCodes.ResourceInactive, decision.Error?.Code);
    }

    [Fact]
    public void A_mentor_cannot_book_a_session_with_themselves_but_anyone_else_can()
    {
        var mentor = Mentor();

        var self = BookingRules.Decide(mentor, For(mentor, Monday, "09:00", 60, user: "ada"), [], Now);
        var student = BookingRules.Decide(mentor, For(mentor, Monday, "09:00", 60, user: "bob"), [], Now);

        Assert.Equal(BookingErrorCodes.SelfBooking, self.Error?.Code);
        Assert.True(student.IsAccepted, student.Error?.Message);
    }

    [Fact]
    public void A_start_before_now_is_in_the_past()
    {
        var decision = BookingRules.Decide(Mentor(), For(Mentor(), new DateOnly(2027, 2, 25), "09:00", 30), [], Now.AddMinutes(1));

        Assert.Equal(BookingErrorCodes.InThePast, decision.Error?.Code);
    }

    [Fact]
    public void A_start_exactly_now_is_accepted()
    {
        var decision = BookingRules.Decide(Mentor(), For(Mentor(), new DateOnly(2027, 2, 25), "09:00", 30), [], Now);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
    }

    [Fact]
    public void A_named_period_under_way_may_still_be_booked()
    {
        var tenInTheMorning = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var decision = BookingRules.Decide(ParkingSlot(), Period(ParkingSlot(), Monday, "morning"), [], tenInTheMorning);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
    }

    [Fact]
    public void A_named_period_that_has_ended_is_in_the_past()
    {
        var twoPm = new DateTimeOffset(2027, 3, 1, 13, 0, 0, TimeSpan.Zero);

        var decision = BookingRules.Decide(ParkingSlot(), Period(ParkingSlot(), Monday, "morning"), [], twoPm);

        Assert.Equal(BookingErrorCodes.InThePast, decision.Error?.Code);
    }

    [Fact]
    public void A_start_closer_than_the_minimum_notice_is_too_late()
    {
        var resource = Mentor() with { MinNoticeMinutes = 120 };
        var date = new DateOnly(2027, 2, 25);

        var tooSoon = BookingRules.Decide(resource, For(resource, date, "10:30", 30), [], Now);
        var justInTime = BookingRules.Decide(resource, For(resource, date, "11:00", 30), [], Now);

        Assert.Equal(BookingErrorCodes.TooLateNotice, tooSoon.Error?.Code);
        Assert.True(justInTime.IsAccepted, justInTime.Error?.Message);
    }

    [Fact]
    public void A_date_beyond_the_booking_window_is_refused_and_the_last_date_is_accepted()
    {
        var resource = Mentor() with { BookingWindowDays = 4 };

        var last = BookingRules.Decide(resource, For(resource, Monday, "09:00", 30), [], Now);
        var beyond = BookingRules.Decide(resource, For(resource, Monday.AddDays(1), "09:00", 30), [], Now);

        Assert.True(last.IsAccepted, last.Error?.Message);
        Assert.Equal(BookingErrorCodes.BeyondBookingWindow, beyond.Error?.Code);
    }

    [Fact]
    public void The_booking_window_counts_dates_in_the_resource_zone()
    {
        var resource = Mentor() with { BookingWindowDays = 0 };
        var lateEveningUtc = new DateTimeOffset(2027, 2, 28, 23, 30, 0, TimeSpan.Zero);

        var decision = BookingRules.Decide(resource, For(resource, Monday, "09:00", 30), [], lateEveningUtc);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
    }

    [Theory]
    [InlineData("08:30", 60)]
    [InlineData("11:30", 60)]
    [InlineData("12:00", 30)]
    [InlineData("18:00", 30)]
    public void A_time_not_inside_one_window_is_outside_availability(string start, int minutes)
    {
        var decision = BookingRules.Decide(Mentor(), For(Mentor(), Monday, start, minutes), [], Now);

        Assert.Equal(BookingErrorCodes.OutsideAvailability, decision.Error?.Code);
    }

    [Fact]
    public void A_weekday_without_windows_is_outside_availability_and_says_it_is_closed()
    {
        var decision = BookingRules.Decide(Mentor(), For(Mentor(), Monday.AddDays(5), "10:00", 30), [], Now);

        Assert.Equal(BookingErrorCodes.OutsideAvailability, decision.Error?.Code);
        Assert.Contains("closed", decision.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_exception_closes_the_date()
    {
        var resource = Mentor() with { Exceptions = [ScheduleException.ClosedOn(Monday)] };

        var decision = BookingRules.Decide(resource, For(resource, Monday, "10:00", 30), [], Now);

        Assert.Equal(BookingErrorCodes.OutsideAvailability, decision.Error?.Code);
    }

    [Fact]
    public void An_exception_with_windows_replaces_the_weekly_windows_of_that_date()
    {
        var resource = Mentor() with { Exceptions = [ScheduleException.OpenOn(Monday, TimeWindow.Of(new(19, 0), new(21, 0)))] };

        var usual = BookingRules.Decide(resource, For(resource, Monday, "10:00", 30), [], Now);
        var exceptional = BookingRules.Decide(resource, For(resource, Monday, "19:00", 120), [], Now);

        Assert.Equal(BookingErrorCodes.OutsideAvailability, usual.Error?.Code);
        Assert.True(exceptional.IsAccepted, exceptional.Error?.Message);
    }

    [Fact]
    public void An_exception_opens_a_normally_closed_day()
    {
        var sunday = Monday.AddDays(6);
        var resource = Mentor() with { Exceptions = [ScheduleException.OpenOn(sunday, TimeWindow.Of(new(10, 0), new(12, 0)))] };

        var decision = BookingRules.Decide(resource, For(resource, sunday, "10:00", 60), [], Now);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
    }

    [Fact]
    public void Touching_windows_are_one_window_but_a_gap_splits_them()
    {
        var touching = Salon() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Monday, new(8, 0), new(12, 0)), WeeklyWindow.Of(DayOfWeek.Monday, new(12, 0), new(14, 0))] };
        var gap = Mentor();

        var across = BookingRules.Decide(touching, At(touching, Monday, "11:00", "13:00"), [], Now);
        var acrossGap = BookingRules.Decide(gap, At(gap, Monday, "11:00", "15:00"), [], Now);

        Assert.True(across.IsAccepted, across.Error?.Message);
        Assert.Equal(BookingErrorCodes.InvalidDuration, acrossGap.Error?.Code);
        Assert.Equal(BookingErrorCodes.OutsideAvailability, BookingRules.Decide(gap, At(gap, Monday, "11:00", "13:00"), [], Now).Error?.Code);
    }

    [Fact]
    public void A_taken_slot_is_unavailable_but_the_next_one_is_free_because_intervals_are_half_open()
    {
        var taken = Booked(Mentor(), For(Mentor(), Monday, "09:00", 60));

        var same = BookingRules.Decide(Mentor(), For(Mentor(), Monday, "09:30", 30), [taken], Now);
        var next = BookingRules.Decide(Mentor(), For(Mentor(), Monday, "10:00", 30), [taken], Now);
        var before = BookingRules.Decide(Mentor(), At(Mentor(), Monday, "14:00", "15:00"), [taken], Now);

        Assert.Equal(BookingErrorCodes.SlotUnavailable, same.Error?.Code);
        Assert.True(next.IsAccepted, next.Error?.Message);
        Assert.True(before.IsAccepted, before.Error?.Message);
    }

    [Fact]
    public void Three_chairs_with_staggered_bookings_are_counted_at_each_instant()
    {
        var salon = Salon(capacity: 3);
        var bookings = new List<BookingRecord>
        {
            Booked(salon, At(salon, Monday, "09:00", "10:00")),
            Booked(salon, At(salon, Monday, "09:30", "10:30")),
            Booked(salon, At(salon, Monday, "10:00", "11:00")),
        };

        // Never more than two at once, so a long booking across all three still fits.
        var wide = BookingRules.Decide(salon, At(salon, Monday, "09:00", "11:00"), bookings, Now);
        Assert.True(wide.IsAccepted, wide.Error?.Message);
        bookings.Add(Booked(salon, At(salon, Monday, "09:00", "11:00")));

        Assert.Equal(BookingErrorCodes.SlotUnavailable, BookingRules.Decide(salon, At(salon, Monday, "09:30", "10:00"), bookings, Now).Error?.Code);
        Assert.Equal(BookingErrorCodes.SlotUnavailable, BookingRules.Decide(salon, At(salon, Monday, "10:00", "10:30"), bookings, Now).Error?.Code);
        Assert.True(BookingRules.Decide(salon, At(salon, Monday, "09:00", "09:30"), bookings, Now).IsAccepted);
        Assert.True(BookingRules.Decide(salon, At(salon, Monday, "10:30", "11:00"), bookings, Now).IsAccepted);
    }

    [Theory]
    [InlineData(BookingStatus.Cancelled)]
    [InlineData(BookingStatus.Completed)]
    [InlineData(BookingStatus.NoShow)]
    public void Bookings_that_are_not_active_leave_their_slot_free(BookingStatus status)
    {
        var old = Booked(Mentor(), For(Mentor(), Monday, "09:00", 60), status);

        var decision = BookingRules.Decide(Mentor(), For(Mentor(), Monday, "09:00", 60), [old], Now);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
    }

    [Fact]
    public void A_live_hold_takes_its_slot_until_it_expires()
    {
        var hold = Booked(Mentor(), For(Mentor(), Monday, "09:00", 60), BookingStatus.Pending, holdExpiresAt: Now.AddMinutes(5));

        var whileHeld = BookingRules.Decide(Mentor(), For(Mentor(), Monday, "09:00", 60), [hold], Now.AddMinutes(4));
        var afterwards = BookingRules.Decide(Mentor(), For(Mentor(), Monday, "09:00", 60), [hold], Now.AddMinutes(5));

        Assert.Equal(BookingErrorCodes.SlotUnavailable, whileHeld.Error?.Code);
        Assert.True(afterwards.IsAccepted, afterwards.Error?.Message);
    }

    [Fact]
    public void The_booking_being_converted_does_not_count_against_itself()
    {
        var hold = Booked(Mentor(), For(Mentor(), Monday, "09:00", 60), BookingStatus.Pending, holdExpiresAt: Now.AddMinutes(5));

        var decision = BookingRules.Decide(Mentor(), For(Mentor(), Monday, "09:00", 60), [hold], Now, ignoreBookingId: hold.Id);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
    }

    [Fact]
    public void Parking_day_is_refused_when_the_morning_is_taken_but_the_afternoon_is_free()
    {
        var slot = ParkingSlot();
        var morning = Booked(slot, Period(slot, Monday, "morning"));

        Assert.Equal(BookingErrorCodes.SlotUnavailable, BookingRules.Decide(slot, Period(slot, Monday, "day"), [morning], Now).Error?.Code);
        Assert.True(BookingRules.Decide(slot, Period(slot, Monday, "afternoon"), [morning], Now).IsAccepted);
    }

    [Fact]
    public void Rules_apply_in_the_documented_order()
    {
        // Past and beyond the window and outside availability at once: the earliest rule answers.
        var resource = Mentor() with { MinNoticeMinutes = 60 * 24 * 365, BookingWindowDays = 1 };

        var past = BookingRules.Decide(resource, For(resource, new DateOnly(2027, 2, 20), "03:00", 30), [], Now);
        var notice = BookingRules.Decide(resource, For(resource, Monday.AddDays(30), "03:00", 30), [], Now);
        var window = BookingRules.Decide(resource with { MinNoticeMinutes = 0 }, For(resource, Monday.AddDays(30), "03:00", 30), [], Now);
        var availability = BookingRules.Decide(resource with { MinNoticeMinutes = 0, BookingWindowDays = null }, For(resource, Monday.AddDays(30), "03:00", 30), [], Now);

        Assert.Equal(BookingErrorCodes.InThePast, past.Error?.Code);
        Assert.Equal(BookingErrorCodes.TooLateNotice, notice.Error?.Code);
        Assert.Equal(BookingErrorCodes.BeyondBookingWindow, window.Error?.Code);
        Assert.Equal(BookingErrorCodes.OutsideAvailability, availability.Error?.Code);
    }

    [Fact]
    public void A_resource_with_an_unknown_zone_refuses_with_a_validation_error()
    {
        var resource = Mentor() with { TimeZone = "Nowhere/Special" };

        Assert.Equal(BookingErrorCodes.ValidationFailed, BookingRules.Decide(resource, For(resource, Monday, "09:00", 30), [], Now).Error?.Code);
    }
}
