using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Projections;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Grains;

public sealed class UserDayGrainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Ten = new(2027, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly BookingCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task One_user_racing_two_overlapping_bookings_on_two_resources_gets_exactly_one()
    {
        var second = await _cluster.CreateAsync(Salon(capacity: 50));

        for (var i = 0; i < 25; i++)
        {
            var first = await _cluster.CreateAsync(Mentor());
            var user = $"racer-{i}";
            var outcomes = await Task.WhenAll(
                _cluster.Day(first.Id, Tuesday).BookAsync(Request(first, user, "10:00", 60)),
                _cluster.Day(second.Id, Tuesday).BookAsync(Request(second, user, "10:30", 60)));

            Assert.Single(outcomes, o => o.IsSuccess);
            Assert.Single(outcomes, o => o.Error?.Code == BookingErrorCodes.UserConflict);
        }

        Assert.Equal(25, _cluster.Store.Rows.Count);
    }

    [Fact]
    public async Task A_parking_day_conflicts_with_a_morning_on_another_slot_but_an_afternoon_does_not()
    {
        var a = await _cluster.CreateAsync(ParkingSlot());
        var b = await _cluster.CreateAsync(ParkingSlot());
        Assert.True((await _cluster.Day(a.Id, Tuesday).BookAsync(PeriodRequest(a, "emma", "morning"))).IsSuccess);

        var day = await _cluster.Day(b.Id, Tuesday).BookAsync(PeriodRequest(b, "emma", "day"));
        var morning = await _cluster.Day(b.Id, Tuesday).BookAsync(PeriodRequest(b, "emma", "morning"));
        var afternoon = await _cluster.Day(b.Id, Tuesday).BookAsync(PeriodRequest(b, "emma", "afternoon"));

        Assert.Equal(BookingErrorCodes.UserConflict, day.Error?.Code);
        Assert.Equal(BookingErrorCodes.UserConflict, morning.Error?.Code);
        Assert.True(afternoon.IsSuccess, afternoon.Error?.Message);
    }

    [Fact]
    public async Task A_parking_place_does_not_stop_its_holder_from_booking_a_session_at_the_same_time()
    {
        var slot = await _cluster.CreateAsync(ParkingSlot());
        var mentor = await _cluster.CreateAsync(Mentor());
        await _cluster.Day(slot.Id, Tuesday).BookAsync(PeriodRequest(slot, "emma", "day"));

        var session = await _cluster.Day(mentor.Id, Tuesday).BookAsync(Request(mentor, "emma", "10:00", 60));

        Assert.True(session.IsSuccess, session.Error?.Message);
    }

    [Fact]
    public async Task A_live_lease_blocks_an_overlapping_request_and_a_released_one_does_not()
    {
        var userDay = UserDay("zoe");

        Assert.True((await userDay.TryLeaseAsync(Lease("l1", Ten, 60))).Granted);
        var blocked = await userDay.TryLeaseAsync(Lease("l2", Ten.AddMinutes(30), 60));
        await userDay.ReleaseLeaseAsync("l1");
        var afterRelease = await userDay.TryLeaseAsync(Lease("l3", Ten.AddMinutes(30), 60));

        Assert.Equal(("l1", BookingErrorCodes.UserConflict), (blocked.ConflictingBookingId, blocked.Error?.Code));
        Assert.True(afterRelease.Granted);
    }

    [Fact]
    public async Task A_lease_that_lapses_without_a_commit_leaves_nothing_behind()
    {
        var userDay = UserDay("zoe");
        Assert.True((await userDay.TryLeaseAsync(Lease("l1", Ten, 60))).Granted);

        _cluster.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.True((await userDay.TryLeaseAsync(Lease("l2", Ten, 60))).Granted);
    }

    [Fact]
    public async Task A_booking_that_committed_but_whose_confirmation_was_lost_still_counts_once_its_lease_lapses()
    {
        var userDay = UserDay("zoe");
        Assert.True((await userDay.TryLeaseAsync(Lease("b1", Ten, 60))).Granted);

        // The resource-day grain committed b1 (its row is in the bookings table) and died before confirming.
        _cluster.Store.Apply(GrainId.Create("test", "crash"), "resourceDay", [new BookingRowsChanged([Row("b1", "zoe", Ten, 60)])]);
        _cluster.Time.Advance(TimeSpan.FromSeconds(31));

        var outcome = await userDay.TryLeaseAsync(Lease("b2", Ten.AddMinutes(30), 60));

        Assert.Equal(("b1", BookingErrorCodes.UserConflict), (outcome.ConflictingBookingId, outcome.Error?.Code));
    }

    [Fact]
    public async Task A_lost_cancellation_notice_does_not_block_the_user()
    {
        var userDay = UserDay("zoe");
        await userDay.TryLeaseAsync(Lease("b1", Ten, 60));
        await userDay.ConfirmLeaseAsync("b1", Row("b1", "zoe", Ten, 60));

        // The row says cancelled, but OnBookingCancelledAsync never arrived.
        _cluster.Store.Apply(GrainId.Create("test", "lost"), "resourceDay", [new BookingRowsChanged([Row("b1", "zoe", Ten, 60) with { Status = BookingStatus.Cancelled }])]);

        Assert.True((await userDay.TryLeaseAsync(Lease("b2", Ten, 60))).Granted);
    }

    [Fact]
    public async Task After_the_silo_holding_a_users_day_dies_the_rebuilt_view_still_refuses_an_overlap()
    {
        var first = await _cluster.CreateAsync(Mentor());
        var second = await _cluster.CreateAsync(Mentor());
        var user = NewId("user");
        var booked = await _cluster.Day(first.Id, Tuesday).BookAsync(Request(first, user, "10:00", 60));
        Assert.True(booked.IsSuccess);
        Assert.Equal([booked.Booking!.Id], await UserDay(user).GetActiveBookingIdsAsync());

        // Orleans places activations itself: kill whichever silo holds this user's day (the mentors' days may go with it
        // and reload from storage elsewhere).
        await _cluster.Cluster.KillSiloAsync(_cluster.OwnerOf<IUserDayGrain>(GrainKeys.UserDay(user, Tuesday))!);

        var overlap = await DefiniteAsync(() => _cluster.Day(second.Id, Tuesday).BookAsync(Request(second, user, "10:30", 60)));
        Assert.Equal(BookingErrorCodes.UserConflict, overlap.Error?.Code);
        Assert.Equal([booked.Booking.Id], await UserDay(user).GetActiveBookingIdsAsync());
        Assert.True((await _cluster.Day(second.Id, Tuesday).BookAsync(Request(second, user, "11:00", 60))).IsSuccess);
    }

    /// <summary>Calls until the cluster answers (calls to a silo just killed fail until Orleans routes around it), up to 30 s.</summary>
    private static async Task<BookingOutcome> DefiniteAsync(Func<Task<BookingOutcome>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private IUserDayGrain UserDay(string user) => _cluster.Client.GetGrain<IUserDayGrain>(GrainKeys.UserDay(user, Tuesday));

    private static UserLeaseRequest Lease(string id, DateTimeOffset start, int minutes) => new()
    {
        LeaseId = id,
        ResourceId = "r-" + id,
        ResourceKind = ResourceKind.Mentor,
        StartUtc = start,
        EndUtc = start.AddMinutes(minutes),
    };

    private static BookingRecord Row(string id, string user, DateTimeOffset start, int minutes) => new()
    {
        Id = id,
        ResourceId = "r-" + id,
        ResourceKind = ResourceKind.Mentor,
        Date = Tuesday,
        Start = TimeOnly.FromDateTime(start.UtcDateTime.AddHours(1)),
        End = TimeOnly.FromDateTime(start.UtcDateTime.AddHours(1).AddMinutes(minutes)),
        StartUtc = start,
        EndUtc = start.AddMinutes(minutes),
        UserId = user,
        Status = BookingStatus.Confirmed,
        CreatedAt = start,
        UpdatedAt = start,
    };
}
