using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Microsoft.Extensions.DependencyInjection;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Grains;

public sealed class ResourceDayGrainTests : IAsyncLifetime
{
    private readonly BookingCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Two_hundred_concurrent_requests_for_one_slot_confirm_exactly_the_capacity()
    {
        var salon = await _cluster.CreateAsync(Salon(capacity: 3));
        var day = _cluster.Day(salon.Id, Tuesday);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => day.BookAsync(Request(salon, $"user-{i}", "09:00", 60))));

        Assert.Equal(3, outcomes.Count(o => o.IsSuccess));
        Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.Equal(BookingErrorCodes.SlotUnavailable, o.Error!.Code));
        var stored = await day.GetBookingsAsync();
        Assert.Equal(outcomes.Where(o => o.IsSuccess).Select(o => o.Booking!.Id).Order(), stored.Select(b => b.Id).Order());
        Assert.Equal(3, _cluster.Store.Rows.Count(r => r.ResourceId == salon.Id && r.Status == BookingStatus.Confirmed));
    }

    [Fact]
    public async Task Concurrent_staggered_requests_never_put_more_bookings_than_chairs_at_any_instant()
    {
        var salon = await _cluster.CreateAsync(Salon(capacity: 3));
        var day = _cluster.Day(salon.Id, Tuesday);
        var random = new Random(42);
        var requests = Enumerable.Range(0, 200)
            .Select(i => Request(salon, $"user-{i}", $"{random.Next(8, 16):00}:{(random.Next(2) * 30):00}", 30 * random.Next(1, 5)))
            .ToList();

        var outcomes = await Task.WhenAll(requests.Select(day.BookAsync));

        var accepted = outcomes.Where(o => o.IsSuccess).Select(o => o.Booking!).ToList();
        Assert.All(accepted, b => Assert.True(accepted.Count(o => o.StartUtc <= b.StartUtc && b.StartUtc < o.EndUtc) <= 3));
        var occupancy = await day.GetOccupancyAsync();
        Assert.Contains(occupancy.Taken, s => s.Remaining == 0);
        Assert.Equal(accepted.Count, occupancy.Bookings.Count);
    }

    [Fact]
    public async Task A_refused_request_writes_nothing_and_suggests_the_nearest_free_slots()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        Assert.True((await day.BookAsync(Request(mentor, "alice", "10:00", 60))).IsSuccess);
        var rowsBefore = _cluster.Store.Rows.Count;

        var refused = await day.BookAsync(Request(mentor, "bob", "10:30", 60));

        Assert.Equal(BookingErrorCodes.SlotUnavailable, refused.Error?.Code);
        Assert.Equal(["11:00", "11:30", "09:00"], refused.Error!.Alternatives.Select(a => a.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(rowsBefore, _cluster.Store.Rows.Count);
        Assert.Single(await day.GetBookingsAsync());
    }

    [Fact]
    public async Task Every_free_slot_offered_by_the_grain_can_be_booked_and_then_disappears()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        await day.BookAsync(Request(mentor, "alice", "12:00", 120));

        var free = await day.GetFreeSlotsAsync(90);
        Assert.DoesNotContain(free, f => f.Start.Hour is 11 or 12 or 13);

        foreach (var (slot, i) in free.Select((s, i) => (s, i)))
        {
            var outcome = await day.BookAsync(new BookRequest { UserId = $"u{i}", ResourceId = mentor.Id, Date = Tuesday, Start = slot.Start, End = slot.End });
            if (outcome.IsSuccess)
            {
                Assert.DoesNotContain(await day.GetFreeSlotsAsync(90), f => f.Start == slot.Start);
            }
            else
            {
                // Only an earlier booking of this loop may have taken it.
                Assert.Equal(BookingErrorCodes.SlotUnavailable, outcome.Error!.Code);
            }
        }

        Assert.Empty(await day.GetFreeSlotsAsync(90));
    }

    [Fact]
    public async Task Repeating_a_request_with_its_idempotency_key_returns_the_first_booking_and_another_body_is_refused()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        var request = Request(mentor, "alice", "10:00", 60) with { IdempotencyKey = "k-1", Subject = "Algebra" };

        var first = await day.BookAsync(request);
        var again = await day.BookAsync(request);
        var other = await day.BookAsync(request with { Subject = "Geometry" });
        var otherUserSameKey = await day.BookAsync(request with { UserId = "bob", Start = new TimeOnly(14, 0) });

        Assert.True(first.IsSuccess);
        Assert.True(again.Replayed);
        Assert.Equal(first.Booking!.Id, again.Booking?.Id);
        Assert.Equal(BookingErrorCodes.IdempotencyConflict, other.Error?.Code);
        Assert.True(otherUserSameKey.IsSuccess, "keys are per user");
        Assert.Equal(2, (await day.GetBookingsAsync()).Count);
    }

    [Fact]
    public async Task Repeating_a_refused_request_returns_the_same_refusal()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        await day.BookAsync(Request(mentor, "alice", "10:00", 60));
        var request = Request(mentor, "bob", "10:00", 60) with { IdempotencyKey = "k-2" };

        var first = await day.BookAsync(request);
        await day.CancelAsync(new CancelRequest { BookingId = (await day.GetBookingsAsync())[0].Id, ByUserId = "alice" });
        var again = await day.BookAsync(request);

        Assert.Equal(BookingErrorCodes.SlotUnavailable, first.Error?.Code);
        Assert.Equal(BookingErrorCodes.SlotUnavailable, again.Error?.Code);
        Assert.True(again.Replayed);
    }

    [Fact]
    public async Task A_hold_keeps_the_slot_until_it_expires_and_the_reminder_then_releases_it()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);

        var hold = await day.HoldAsync(Request(mentor, "alice", "10:00", 60));
        Assert.Equal(BookingStatus.Pending, hold.Booking?.Status);
        Assert.Equal(BookingErrorCodes.SlotUnavailable, (await day.BookAsync(Request(mentor, "bob", "10:00", 60))).Error?.Code);

        // The reminder is registered in the reminder table; Orleans runs reminders on the real clock (a frozen test clock
        // stalls its reminder service), so the test delivers the tick itself once the grains' clock has passed the expiry.
        var reminders = _cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        Assert.NotNull(await reminders.ReadRow(day.GetGrainId(), "hold-expiry"));
        _cluster.Time.Advance(TimeSpan.FromMinutes(5));
        await day.AsReference<IRemindable>().ReceiveReminder("hold-expiry", default);

        await WaitUntilAsync(async () => (await day.GetBookingAsync(hold.Booking!.Id))?.Status == BookingStatus.Cancelled);
        var expired = await day.GetBookingAsync(hold.Booking!.Id);
        Assert.Equal(("system", "hold expired"), (expired!.CancelledBy, expired.CancelReason));
        Assert.Equal(BookingStatus.Cancelled, _cluster.Store.Rows.Single(r => r.Id == hold.Booking.Id).Status);
        Assert.True((await day.BookAsync(Request(mentor, "bob", "10:00", 60))).IsSuccess);
        Assert.Equal(BookingErrorCodes.HoldExpired, (await day.BookAsync(Request(mentor, "alice", "10:00", 60) with { HoldId = hold.Booking.Id })).Error?.Code);
    }

    [Fact]
    public async Task An_expired_hold_frees_its_slot_even_before_the_reminder_has_run()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        await day.HoldAsync(Request(mentor, "alice", "10:00", 60));

        // Just short of the reminder's first tick, but past the hold's expiry by the clock the rules read.
        var holdsExpireAt = (await day.GetBookingsAsync())[0].HoldExpiresAt!.Value;
        _cluster.Time.Advance(holdsExpireAt - _cluster.Time.GetUtcNow());

        Assert.Contains(await day.GetFreeSlotsAsync(60), s => s.Start == new TimeOnly(10, 0));
        Assert.True((await day.BookAsync(Request(mentor, "bob", "10:00", 60))).IsSuccess);
    }

    [Fact]
    public async Task A_hold_becomes_a_confirmed_booking_with_the_same_id_and_the_form_details()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        var hold = await day.HoldAsync(Request(mentor, "alice", "10:00", 60));

        var booked = await day.BookAsync(new BookRequest
        {
            UserId = "alice",
            ResourceId = mentor.Id,
            Date = Tuesday,
            HoldId = hold.Booking!.Id,
            Subject = "Algebra",
            Details = new Dictionary<string, string> { ["meeting_link"] = "https://meet/x" },
        });
        var stranger = await day.BookAsync(Request(mentor, "bob", "10:00", 60) with { HoldId = hold.Booking.Id });

        Assert.True(booked.IsSuccess, booked.Error?.Message);
        Assert.Equal(hold.Booking.Id, booked.Booking!.Id);
        Assert.Equal((BookingStatus.Confirmed, "Algebra", (DateTimeOffset?)null), (booked.Booking.Status, booked.Booking.Subject, booked.Booking.HoldExpiresAt));
        Assert.Equal("https://meet/x", booked.Booking.Details["meeting_link"]);
        Assert.Equal(BookingErrorCodes.HoldNotFound, stranger.Error?.Code);

        _cluster.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(BookingStatus.Confirmed, (await day.GetBookingAsync(hold.Booking.Id))?.Status);
    }

    [Fact]
    public async Task A_released_hold_frees_the_slot_at_once()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        var hold = await day.HoldAsync(Request(mentor, "alice", "10:00", 60));

        Assert.Equal(BookingErrorCodes.HoldNotFound, (await day.ReleaseHoldAsync(hold.Booking!.Id, "bob")).Error?.Code);
        Assert.True((await day.ReleaseHoldAsync(hold.Booking.Id, "alice")).IsSuccess);
        Assert.Equal(BookingErrorCodes.AlreadyCancelled, (await day.ReleaseHoldAsync(hold.Booking.Id, "alice")).Error?.Code);
        Assert.True((await day.BookAsync(Request(mentor, "bob", "10:00", 60))).IsSuccess);
    }

    [Fact]
    public async Task Cancelling_frees_the_slot_and_the_bookers_time_and_a_second_cancel_is_already_cancelled()
    {
        var first = await _cluster.CreateAsync(Mentor());
        var second = await _cluster.CreateAsync(Mentor());
        var booking = await _cluster.Day(first.Id, Tuesday).BookAsync(Request(first, "alice", "10:00", 60));
        Assert.Equal(BookingErrorCodes.UserConflict, (await _cluster.Day(second.Id, Tuesday).BookAsync(Request(second, "alice", "10:00", 60))).Error?.Code);

        var cancel = new CancelRequest { BookingId = booking.Booking!.Id, ByUserId = "alice", Reason = "ill" };
        var cancelled = await _cluster.Day(first.Id, Tuesday).CancelAsync(cancel);
        var twice = await _cluster.Day(first.Id, Tuesday).CancelAsync(cancel);

        Assert.Equal(BookingStatus.Cancelled, cancelled.Booking?.Status);
        Assert.Equal(BookingErrorCodes.AlreadyCancelled, twice.Error?.Code);
        Assert.True((await _cluster.Day(second.Id, Tuesday).BookAsync(Request(second, "alice", "10:00", 60))).IsSuccess);
        Assert.True((await _cluster.Day(first.Id, Tuesday).BookAsync(Request(first, "bob", "10:00", 60))).IsSuccess);
    }

    [Fact]
    public async Task The_cancellation_cut_off_stops_the_booker_but_not_the_owner()
    {
        var mentor = await _cluster.CreateAsync(Mentor() with { CancellationCutoffMinutes = 48 * 60 });
        var day = _cluster.Day(mentor.Id, Tuesday);
        var booking = await day.BookAsync(Request(mentor, "alice", "10:00", 60));

        var byBooker = await day.CancelAsync(new CancelRequest { BookingId = booking.Booking!.Id, ByUserId = "alice" });
        var byOwner = await day.CancelAsync(new CancelRequest { BookingId = booking.Booking.Id, ByUserId = "ada", ByOwnerOrAdmin = true });

        Assert.Equal(BookingErrorCodes.CancellationClosed, byBooker.Error?.Code);
        Assert.Equal("ada", byOwner.Booking?.CancelledBy);
    }

    [Fact]
    public async Task A_no_show_frees_the_rest_of_the_slot()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var date = new DateOnly(2027, 1, 4);
        var day = _cluster.Day(mentor.Id, date);
        var booking = await day.BookAsync(Request(mentor, "alice", "09:00", 120, date));
        var noShowEarly = await day.SetStatusAsync(new StatusChangeRequest { BookingId = booking.Booking!.Id, Change = BookingStatusChange.NoShow, ByUserId = "ada", ByOwnerOrAdmin = true });
        Assert.Equal(BookingErrorCodes.InvalidStatusTransition, noShowEarly.Error?.Code);

        // 09:20 in Paris: the session started twenty minutes ago.
        _cluster.Time.Advance(TimeSpan.FromMinutes(80));

        var noShow = await day.SetStatusAsync(new StatusChangeRequest { BookingId = booking.Booking!.Id, Change = BookingStatusChange.NoShow, ByUserId = "ada", ByOwnerOrAdmin = true });

        Assert.Equal(BookingStatus.NoShow, noShow.Booking?.Status);
        Assert.True((await day.BookAsync(Request(mentor, "bob", "10:00", 60, date))).IsSuccess);
    }

    [Fact]
    public async Task A_deactivated_resource_refuses_new_bookings_at_once_but_keeps_the_old_ones()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        var kept = await day.BookAsync(Request(mentor, "alice", "10:00", 60));

        await _cluster.Client.GetGrain<IResourceGrain>(mentor.Id).DeactivateAsync();

        Assert.Equal(BookingErrorCodes.ResourceInactive, (await day.BookAsync(Request(mentor, "bob", "14:00", 60))).Error?.Code);
        Assert.Equal(BookingStatus.Confirmed, (await day.GetBookingAsync(kept.Booking!.Id))?.Status);
    }

    [Fact]
    public async Task A_schedule_change_applies_to_the_next_request()
    {
        var mentor = await _cluster.CreateAsync(Mentor());
        var day = _cluster.Day(mentor.Id, Tuesday);
        Assert.NotEmpty(await day.GetFreeSlotsAsync(60));

        var closed = await _cluster.Client.GetGrain<IResourceGrain>(mentor.Id).SetScheduleAsync(new ResourceSchedule
        {
            Weekly = mentor.Weekly,
            Exceptions = [ScheduleException.ClosedOn(Tuesday)],
        });

        Assert.Equal(2, closed.Resource?.Version);
        Assert.Equal(BookingErrorCodes.OutsideAvailability, (await day.BookAsync(Request(mentor, "alice", "10:00", 60))).Error?.Code);
        Assert.Empty(await day.GetFreeSlotsAsync(60));
    }

    [Fact]
    public async Task Availability_over_a_range_lists_each_dates_free_slots_in_order_and_refuses_more_than_31_dates()
    {
        var mentor = await _cluster.CreateAsync(Mentor() with { Exceptions = [ScheduleException.ClosedOn(Tuesday.AddDays(1))] });
        await _cluster.Day(mentor.Id, Tuesday).BookAsync(Request(mentor, "alice", "09:00", 120));

        var slots = await _cluster.Client.GetFreeSlotsAsync(mentor.Id, Tuesday, Tuesday.AddDays(2), 120);

        Assert.Equal([Tuesday, Tuesday.AddDays(2)], slots.Select(s => s.Date).Distinct());
        Assert.Equal(slots.OrderBy(s => s.StartUtc), slots);
        Assert.Equal(new TimeOnly(11, 0), slots[0].Start);
        Assert.Equal(new TimeOnly(9, 0), slots.First(s => s.Date == Tuesday.AddDays(2)).Start);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _cluster.Client.GetFreeSlotsAsync(mentor.Id, Tuesday, Tuesday.AddDays(31), 60));
    }

    [Fact]
    public async Task Booking_an_unknown_resource_is_resource_not_found()
    {
        var ghost = Mentor();

        var outcome = await _cluster.Day(ghost.Id, Tuesday).BookAsync(Request(ghost, "alice", "10:00", 60));

        Assert.Equal(BookingErrorCodes.ResourceNotFound, outcome.Error?.Code);
    }

    [Fact]
    public async Task A_request_sent_to_another_days_grain_is_refused()
    {
        var mentor = await _cluster.CreateAsync(Mentor());

        var outcome = await _cluster.Day(mentor.Id, Tuesday).BookAsync(Request(mentor, "alice", "10:00", 60, Tuesday.AddDays(1)));

        Assert.Equal(BookingErrorCodes.ValidationFailed, outcome.Error?.Code);
    }
}
