using System.Text.Json;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Hosting;
using Booking.Tests.Infrastructure;
using Orleans.Storage;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Bookings;

/// <summary>
/// The bookings table and its query, through the real grains on a two-silo cluster configured like the host; written once
/// and run against PostgreSQL and SQLite. Each test uses resources and users of its own, so tests share a database.
/// </summary>
public abstract class BookingsTableConformanceTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2027, 1, 4);
    private static readonly DateOnly Wednesday = Tuesday.AddDays(1);
    private static readonly DateOnly Thursday = Tuesday.AddDays(2);

    private BookingsHost? _host;

    protected FakeTimeProvider Time { get; } = new();

    private BookingsHost Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>The storage every host of this test uses.</summary>
    protected abstract BookingStorageOptions Storage { get; }

    public virtual async Task InitializeAsync() => _host = await BookingsHost.StartAsync(Storage, Time);

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>The row as stored, read with plain SQL.</summary>
    protected abstract Task<StoredBookingRow?> ReadRowAsync(string bookingId);

    [Fact]
    public async Task A_confirmed_booking_is_a_row_with_the_days_values_and_reads_back_whole()
    {
        var mentor = await Host.CreateAsync(Mentor());
        var alice = NewId("alice");

        var booking = await Host.BookAsync(Request(mentor, alice, "10:00", 60) with
        {
            Subject = "CV review",
            IdempotencyKey = "key-1",
            Details = new Dictionary<string, string> { ["meeting_link"] = "https://meet.example/x" },
        });

        var row = await ReadRowAsync(booking.Id);
        Assert.NotNull(row);
        Assert.Equal("confirmed", row.Status);
        Assert.Equal((alice, mentor.Id, "mentor", "appointment", 1), (row.UserId, row.ResourceId, row.ResourceKind, row.ResourceGroup, row.Capacity));
        Assert.Equal((Tuesday, new TimeOnly(10, 0), new TimeOnly(11, 0)), (row.LocalDate, row.LocalStart, row.LocalEnd));
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero), row.StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero), row.EndUtc);
        Assert.Equal(60, row.DurationMinutes);
        Assert.Equal(("CV review", "key-1"), (row.Subject, row.IdempotencyKey));
        Assert.Contains("meet.example", row.DetailsJson, StringComparison.Ordinal);
        Assert.Equal(Json(booking), Json(await Host.Query.GetBookingAsync(booking.Id, CancellationToken.None)));
        Assert.Equal([booking.Id], (await Host.Query.GetActiveBookingsForUserOnDateAsync(alice, Tuesday, CancellationToken.None)).Select(b => b.Id));
        Assert.Equal([booking.Id], (await Host.Day(mentor.Id, Tuesday).GetBookingsAsync()).Select(b => b.Id));
    }

    [Fact]
    public async Task A_stale_activation_loses_its_write_and_leaves_no_row()
    {
        // Two hosts on one store give the resource-day two live activations, as a membership change can.
        var mentor = await Host.CreateAsync(Mentor());
        await using var other = await BookingsHost.StartAsync(Storage, Time, silos: 1);
        var winnerDay = Host.Day(mentor.Id, Tuesday);
        var loserDay = other.Day(mentor.Id, Tuesday);
        Assert.Empty(await winnerDay.GetBookingsAsync());
        Assert.Empty(await loserDay.GetBookingsAsync());
        var alice = NewId("alice");
        var bob = NewId("bob");

        var winner = await Host.BookAsync(Request(mentor, alice, "10:00", 60));
        await Assert.ThrowsAsync<InconsistentStateException>(() => loserDay.BookAsync(Request(mentor, bob, "14:00", 60)));

        var onlyMentor = new BookingFilter { ResourceIds = [mentor.Id] };
        Assert.Equal([winner.Id], (await Host.Query.SearchBookingsAsync(onlyMentor, 1, 10, CancellationToken.None)).Items.Select(b => b.Id));
        Assert.Equal(0, (await Host.Query.SearchBookingsAsync(new BookingFilter { UserId = bob }, 1, 10, CancellationToken.None)).Total);

        // The loser reloaded: it now sees the winner's booking and commits on top of it.
        var retried = await other.BookAsync(Request(mentor, bob, "14:00", 60));
        Assert.Equal([winner.Id, retried.Id], (await Host.Query.SearchBookingsAsync(onlyMentor, 1, 10, CancellationToken.None)).Items.Select(b => b.Id));
        Assert.Equal([winner.Id, retried.Id], (await loserDay.GetBookingsAsync()).Select(b => b.Id));
    }

    [Fact]
    public async Task Two_activations_racing_one_day_leave_exactly_the_rows_of_the_state_that_won()
    {
        var salon = await Host.CreateAsync(Salon(capacity: 100));
        await using var other = await BookingsHost.StartAsync(Storage, Time, silos: 1);
        var days = new[] { Host.Day(salon.Id, Tuesday), other.Day(salon.Id, Tuesday) };
        var acknowledged = new List<string>();
        var stale = 0;

        await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            try
            {
                var outcome = await days[i % 2].BookAsync(Request(salon, NewId($"racer{i}"), $"{8 + (i % 10):00}:00", 60));
                Assert.True(outcome.IsSuccess, outcome.Error?.Message);
                lock (acknowledged)
                {
                    acknowledged.Add(outcome.Booking.Id);
                }
            }
            catch (Exception exception) when (exception is InconsistentStateException
                || (exception is OrleansMessageRejectionException && exception.Message.Contains(nameof(InconsistentStateException), StringComparison.Ordinal)))
            {
                // The stale write, or a request queued behind it that Orleans rejected when it deactivated the activation.
                Interlocked.Increment(ref stale);
            }
        }));

        Assert.True(stale > 0, "the two activations should have collided at least once");
        await using var auditor = await BookingsHost.StartAsync(Storage, Time, silos: 1);
        var committed = (await auditor.Day(salon.Id, Tuesday).GetBookingsAsync()).Select(b => b.Id).Order(StringComparer.Ordinal);
        var rows = await SearchIds(new BookingFilter { ResourceIds = [salon.Id] });
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), committed);
        Assert.Equal(committed, rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cancelling_rewrites_the_row_and_gives_the_user_the_time_back()
    {
        var mentor = await Host.CreateAsync(Mentor());
        var other = await Host.CreateAsync(Mentor());
        var alice = NewId("alice");
        var booking = await Host.BookAsync(Request(mentor, alice, "10:00", 60));

        var cancelled = await Host.Day(mentor.Id, Tuesday).CancelAsync(new CancelRequest { BookingId = booking.Id, ByUserId = alice, Reason = "ill" });

        Assert.True(cancelled.IsSuccess, cancelled.Error?.Message);
        var row = await ReadRowAsync(booking.Id);
        Assert.NotNull(row);
        Assert.Equal(("cancelled", alice, "ill"), (row.Status, row.CancelledBy, row.CancelReason));
        Assert.Equal(Time.GetUtcNow(), row.CancelledAt);
        Assert.Equal(BookingStatus.Cancelled, (await Host.Query.GetBookingAsync(booking.Id, CancellationToken.None))?.Status);
        Assert.Empty(await Host.Query.GetActiveBookingsForUserOnDateAsync(alice, Tuesday, CancellationToken.None));
        await Host.BookAsync(Request(other, alice, "10:00", 60));
    }

    [Fact]
    public async Task Search_filters_by_user_resources_status_and_dates_and_pages_in_a_stable_order()
    {
        var first = await Host.CreateAsync(Mentor());
        var second = await Host.CreateAsync(Mentor());
        var u1 = NewId("u1");
        var u2 = NewId("u2");
        var sameStartA = await Host.BookAsync(Request(first, u1, "10:00", 60));
        var sameStartB = await Host.BookAsync(Request(second, u2, "10:00", 60));
        var wednesday = await Host.BookAsync(Request(second, u1, "14:00", 30, Wednesday));
        var cancelled = await Host.BookAsync(Request(first, u2, "09:00", 60, Wednesday));
        Assert.True((await Host.Day(first.Id, Wednesday).CancelAsync(new CancelRequest { BookingId = cancelled.Id, ByUserId = u2 })).IsSuccess);
        var thursday = await Host.BookAsync(Request(first, u1, "11:00", 90, Thursday));
        var both = new BookingFilter { ResourceIds = [first.Id, second.Id] };
        string[] all =
        [
            .. new[] { sameStartA, sameStartB }.OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => b.Id),
            cancelled.Id, wednesday.Id, thursday.Id,
        ];

        var pages = new List<BookingPage>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await Host.Query.SearchBookingsAsync(both, page, 2, CancellationToken.None));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Items.Count));
        Assert.Equal(all, pages.SelectMany(p => p.Items).Select(b => b.Id));
        Assert.Equal([1, 2, 3, 4], pages.Select(p => p.Page));
        Assert.All(pages, p => Assert.Equal(2, p.PageSize));
        Assert.Equal(all, await Ids(Host.Query.StreamBookingsAsync(both, CancellationToken.None)));
        Assert.Equal([sameStartA.Id, wednesday.Id, thursday.Id], await SearchIds(both with { UserId = u1 }));
        Assert.Equal([cancelled.Id], await SearchIds(both with { Statuses = [BookingStatus.Cancelled] }));
        Assert.Equal([cancelled.Id, wednesday.Id], await SearchIds(both with { From = Wednesday, To = Wednesday }));
        Assert.Equal([wednesday.Id, thursday.Id], await SearchIds(both with { From = Wednesday, Statuses = [BookingStatus.Confirmed, BookingStatus.Pending] }));
        Assert.Equal([sameStartB.Id, wednesday.Id], await SearchIds(new BookingFilter { ResourceIds = [second.Id] }));
        Assert.Empty(await SearchIds(new BookingFilter { ResourceIds = [] }));
        Assert.Empty(await SearchIds(both with { Statuses = [] }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Host.Query.SearchBookingsAsync(both, 1, BookingPage.MaxPageSize + 1, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Host.Query.SearchBookingsAsync(both, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Stats_count_bookings_cancellations_no_shows_holds_and_occupied_minutes()
    {
        var salon = await Host.CreateAsync(Salon(capacity: 3));
        var day = Host.Day(salon.Id, Monday);
        var completed = await Host.BookAsync(Request(salon, NewId("a"), "09:00", 60, Monday));
        var noShow = await Host.BookAsync(Request(salon, NewId("b"), "10:00", 30, Monday));
        var cancelled = await Host.BookAsync(Request(salon, NewId("c"), "11:00", 90, Monday));
        await Host.BookAsync(Request(salon, NewId("d"), "12:00", 60, Monday));
        Assert.True((await day.CancelAsync(new CancelRequest { BookingId = cancelled.Id, ByUserId = cancelled.UserId })).IsSuccess);

        // To 12:30 in Paris: both earlier bookings have started, so the owner may close them.
        Time.Advance(TimeSpan.FromHours(4.5));
        Assert.True((await day.SetStatusAsync(new StatusChangeRequest { BookingId = completed.Id, ByUserId = "owner", Change = BookingStatusChange.Complete, ByOwnerOrAdmin = true })).IsSuccess);
        Assert.True((await day.SetStatusAsync(new StatusChangeRequest { BookingId = noShow.Id, ByUserId = "owner", Change = BookingStatusChange.NoShow, ByOwnerOrAdmin = true })).IsSuccess);
        var released = await day.HoldAsync(Request(salon, NewId("e"), "16:00", 30, Monday));
        Assert.True((await day.ReleaseHoldAsync(released.Booking!.Id, released.Booking.UserId)).IsSuccess);
        Assert.True((await day.HoldAsync(Request(salon, NewId("f"), "17:00", 30, Monday))).IsSuccess);
        var unknown = NewId("nothing");

        var stats = await Host.Query.GetResourceStatsAsync([salon.Id, unknown, salon.Id], Monday, Tuesday, CancellationToken.None);

        Assert.Equal([salon.Id, unknown], stats.Select(s => s.ResourceId));
        var figures = stats[0];
        Assert.Equal((4L, 1L, 1L, 1L, 1L, 1L), (figures.Bookings, figures.Confirmed, figures.Completed, figures.Cancellations, figures.NoShows, figures.PendingHolds));
        Assert.Equal(120L, figures.OccupiedMinutes);
        Assert.Equal((0L, 0L), (stats[1].Bookings, stats[1].OccupiedMinutes));
        Assert.Equal(0L, (await Host.Query.GetResourceStatsAsync([salon.Id], Tuesday, Thursday, CancellationToken.None)).Single().Bookings);
    }

    [Fact]
    public async Task A_hold_is_a_pending_row_and_once_expired_gives_way_in_the_write_that_takes_its_place()
    {
        var mentor = await Host.CreateAsync(Mentor());
        var alice = NewId("alice");
        var hold = (await Host.Day(mentor.Id, Tuesday).HoldAsync(Request(mentor, alice, "10:00", 60))).Booking!;
        var held = await ReadRowAsync(hold.Id);
        Assert.Equal(("pending", hold.Id), (held?.Status, held?.HoldId));
        Assert.Equal(hold.HoldExpiresAt, held?.HoldExpiresAt);
        Assert.Equal([hold.Id], (await Host.Query.GetActiveBookingsForUserOnDateAsync(alice, Tuesday, CancellationToken.None)).Select(b => b.Id));

        Time.Advance(TimeSpan.FromMinutes(6));
        var bob = await Host.BookAsync(Request(mentor, NewId("bob"), "10:00", 60));

        Assert.Equal("confirmed", (await ReadRowAsync(bob.Id))?.Status);
        var expired = await ReadRowAsync(hold.Id);
        Assert.Equal(("cancelled", "system"), (expired?.Status, expired?.CancelledBy));
    }

    [Fact]
    public async Task A_user_day_grain_on_a_fresh_host_rebuilds_from_the_rows()
    {
        var first = await Host.CreateAsync(Mentor());
        var second = await Host.CreateAsync(Mentor());
        var alice = NewId("alice");
        await Host.BookAsync(Request(first, alice, "10:00", 60));
        await _host!.DisposeAsync();
        _host = null;

        await using var restarted = await BookingsHost.StartAsync(Storage, Time);
        var clash = await restarted.Day(second.Id, Tuesday).BookAsync(Request(second, alice, "10:30", 60));

        Assert.Equal(BookingErrorCodes.UserConflict, clash.Error?.Code);
        await restarted.BookAsync(Request(second, alice, "11:00", 60));
    }

    private static string Json(BookingRecord? booking) => JsonSerializer.Serialize(booking);

    private async Task<string[]> SearchIds(BookingFilter filter) =>
        [.. (await Host.Query.SearchBookingsAsync(filter, 1, BookingPage.MaxPageSize, CancellationToken.None)).Items.Select(b => b.Id)];

    private static async Task<string[]> Ids(IAsyncEnumerable<BookingRecord> rows)
    {
        var ids = new List<string>();
        await foreach (var row in rows)
        {
            ids.Add(row.Id);
        }

        return [.. ids];
    }
}
