using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Projections;
using Booking.Grains.Queries;
using Booking.Silo.Bookings.Postgres;
using Booking.Silo.Hosting;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Tests.Infrastructure;
using Booking.Tests.Storage;
using Booking.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Bookings;

/// <summary>The exclusion constraints behind the grains: what they refuse, what they let through, and whom a refusal fails.</summary>
public sealed class PostgresBookingFenceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    // Tuesday 10:00 in Paris.
    private static readonly DateTimeOffset TenInParis = new(2027, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() =>
        PostgresStorageFixture.CreateInitializer(database.ConnectionString, [.. PostgresBookingTables.Migrations]).InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_user_fence_refuses_a_second_overlapping_confirmed_booking_of_the_same_quota_only()
    {
        var user = NewId("u");
        await Insert(user, "mentor", "confirmed", TenInParis, 60);

        var violation = await Assert.ThrowsAsync<PostgresException>(() => Insert(user, "service", "confirmed", TenInParis.AddMinutes(30), 60));

        Assert.Equal((PostgresErrorCodes.ExclusionViolation, PostgresBookingTables.UserFence), (violation.SqlState, violation.ConstraintName));
        await Insert(user, "mentor", "confirmed", TenInParis.AddMinutes(60), 60);
        await Insert(user, "parking_slot", "confirmed", TenInParis, 60);
        await Insert(user, "service", "pending", TenInParis.AddMinutes(30), 60);
        await Insert(user, "service", "cancelled", TenInParis.AddMinutes(30), 60);
        await Insert(NewId("other"), "service", "confirmed", TenInParis.AddMinutes(30), 60);
        var parking = await Assert.ThrowsAsync<PostgresException>(() => Insert(user, "parking_slot", "confirmed", TenInParis.AddMinutes(-30), 60));
        Assert.Equal(PostgresBookingTables.UserFence, parking.ConstraintName);
    }

    [Fact]
    public async Task The_resource_fence_keeps_the_active_rows_of_a_capacity_one_resource_apart_and_leaves_larger_ones_alone()
    {
        var single = NewId("mentor");
        await Insert(NewId("a"), "mentor", "pending", TenInParis, 60, single, capacity: 1);

        var violation = await Assert.ThrowsAsync<PostgresException>(() => Insert(NewId("b"), "mentor", "confirmed", TenInParis.AddMinutes(30), 60, single, capacity: 1));

        Assert.Equal(PostgresBookingTables.ExclusiveResourceFence, violation.ConstraintName);
        await Insert(NewId("c"), "mentor", "cancelled", TenInParis, 60, single, capacity: 1);
        await Insert(NewId("d"), "mentor", "confirmed", TenInParis.AddMinutes(60), 60, single, capacity: 1);
        var chairs = NewId("salon");
        for (var i = 0; i < 3; i++)
        {
            await Insert(NewId("e"), "service", "confirmed", TenInParis, 60, chairs, capacity: 3);
        }
    }

    [Fact]
    public async Task A_write_that_expires_a_hold_frees_its_place_before_the_row_that_takes_it_whatever_the_order_given()
    {
        var storage = NewStorage();
        await using var _ = storage;
        var mentor = NewId("mentor");
        var pending = Row(mentor, NewId("alice"), BookingStatus.Pending);
        var hold = pending with { HoldId = pending.Id, HoldExpiresAt = pending.CreatedAt.AddMinutes(5) };
        var grain = GrainId.Create("Booking.Tests.IFenceDayGrain", Guid.NewGuid().ToString("N"));
        var state = new TestGrainState<CounterState>(new CounterState());
        state.SetProjections([new BookingRowsChanged([hold], Capacity: 1)]);
        await storage.WriteStateAsync("day", grain, state);

        var taker = Row(mentor, NewId("bob"), BookingStatus.Confirmed);
        var expired = hold with { Status = BookingStatus.Cancelled, CancelledBy = "system" };
        state.SetProjections([new BookingRowsChanged([taker, expired], Capacity: 1)]);
        await storage.WriteStateAsync("day", grain, state);

        Assert.Equal("cancelled", (await PostgresBookingRows.ReadAsync(database.DataSource, hold.Id))?.Status);
        Assert.Equal("confirmed", (await PostgresBookingRows.ReadAsync(database.DataSource, taker.Id))?.Status);
    }

    [Fact]
    public async Task In_a_group_commit_batch_a_row_that_breaks_the_user_fence_fails_only_its_own_write()
    {
        var storage = NewStorage();
        await using var _ = storage;
        var victim = NewId("victim");
        await Insert(victim, "mentor", "confirmed", TenInParis, 60);
        var writes = Enumerable.Range(0, 4).Select(i => (
            Grain: GrainId.Create("Booking.Tests.IFenceDayGrain", Guid.NewGuid().ToString("N")),
            Row: Row(NewId("mentor"), i == 1 ? victim : NewId("u"), BookingStatus.Confirmed))).ToArray();
        var states = writes.Select(w => new TestGrainState<CounterState>(new CounterState { Count = 1 })).ToArray();
        for (var i = 0; i < writes.Length; i++)
        {
            states[i].SetProjections([new BookingRowsChanged([writes[i].Row], Capacity: 1)]);
        }

        var tasks = await PostgresBatching.QueueBehindStalledBatchAsync(storage, database.ConnectionString, () =>
            [.. writes.Select((w, i) => storage.WriteStateAsync("day", w.Grain, states[i]))]);
        var outcomes = await Task.WhenAll(tasks.Select(PostgresBatching.OutcomeAsync));

        Assert.True(storage.Statistics.LargestBatch >= 4, $"the writes should share a batch (largest {storage.Statistics.LargestBatch})");
        var violation = Assert.IsType<PostgresException>(outcomes[1]);
        Assert.Equal(PostgresBookingTables.UserFence, violation.ConstraintName);
        Assert.Null(await PostgresBookingRows.ReadAsync(database.DataSource, writes[1].Row.Id));
        Assert.False(await StateExistsAsync(storage, writes[1].Grain));
        foreach (var i in new[] { 0, 2, 3 })
        {
            Assert.Null(outcomes[i]);
            Assert.Equal("confirmed", (await PostgresBookingRows.ReadAsync(database.DataSource, writes[i].Row.Id))?.Status);
            Assert.True(await StateExistsAsync(storage, writes[i].Grain));
        }
    }

    [Fact]
    public async Task Through_the_grains_a_booking_the_fence_refuses_is_refused_alone_in_its_batch_with_user_conflict_and_leaves_no_trace()
    {
        var time = new FakeTimeProvider();
        var storageOptions = new BookingStorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString };

        // One silo and one batch at a time, so that the four bookings below can be lined up in one batch.
        await using var host = await BookingsHost.StartAsync(storageOptions, time, silos: 1, services =>
            services.Configure<PostgresStorageOptions>(GrainStorageNames.Projected, o => o.MaxConcurrentBatches = 1));
        var mentors = new List<ResourceDefinition>();
        for (var i = 0; i < 4; i++)
        {
            mentors.Add(await host.CreateAsync(Mentor()));
        }

        var users = mentors.Select(_ => NewId("u")).ToArray();
        var victim = users[2];

        // The victim's user-day grain is active and knows of no booking; then a booking appears behind its back (as one
        // committed from a second activation of that grain elsewhere would), which only the fence still sees.
        Assert.Empty(await host.Client.GetGrain<IUserDayGrain>(GrainKeys.UserDay(victim, Tuesday)).GetActiveBookingIdsAsync());
        await Insert(victim, "mentor", "confirmed", TenInParis.AddMinutes(30), 60);
        var storage = (PostgresGrainStorage)host.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

        var (calls, largestBatch) = await LineUpInOneBatchAsync(storage, () =>
            [.. mentors.Select((m, i) => host.Day(m.Id, Tuesday).BookAsync(Request(m, users[i], "10:00", 60)))]);
        var outcomes = await Task.WhenAll(calls.Select(OutcomeAsync));

        Assert.True(largestBatch >= 4, $"the four bookings should share a batch (largest {largestBatch})");
        Assert.Null(outcomes[2].Failure);
        Assert.Equal(BookingErrorCodes.UserConflict, outcomes[2].Outcome?.Error?.Code);
        foreach (var i in new[] { 0, 1, 3 })
        {
            Assert.True(outcomes[i].Outcome?.IsSuccess, outcomes[i].Failure?.Message ?? outcomes[i].Outcome?.Error?.Message);
        }

        var byMentor = await host.Query.SearchBookingsAsync(new BookingFilter { ResourceIds = [.. mentors.Select(m => m.Id)] }, 1, 10, CancellationToken.None);
        Assert.Equal(new[] { 0, 1, 3 }.Select(i => users[i]).Order(), byMentor.Items.Select(b => b.UserId).Order());
        Assert.Empty(await host.Day(mentors[2].Id, Tuesday).GetBookingsAsync());
        await host.BookAsync(Request(mentors[2], NewId("someone"), "10:00", 60));
    }

    /// <summary>
    /// Stalls the storage's only writer on a locked row, starts the calls, waits until all of their writes are queued, then
    /// lets the writer go: the queued writes commit together. Returns the calls and the largest batch seen.
    /// </summary>
    private async Task<(Task<BookingOutcome>[] Calls, int LargestBatch)> LineUpInOneBatchAsync(PostgresGrainStorage storage, Func<Task<BookingOutcome>[]> start)
    {
        var blocker = GrainId.Create("Booking.Tests.IBlockerGrain", Guid.NewGuid().ToString("N"));
        var blockerState = new TestGrainState<CounterState>(new CounterState());
        await storage.WriteStateAsync("blocker", blocker, blockerState);
        Task stalled;
        Task<BookingOutcome>[] calls;
        await using (await PostgresRowLock.AcquireAsync(database.ConnectionString, blocker, "blocker"))
        {
            var batchesBefore = storage.Statistics.Batches;
            stalled = storage.WriteStateAsync("blocker", blocker, blockerState);
            await Eventually.HoldsAsync(() => storage.Statistics.Batches > batchesBefore, "the writer is busy with the stalled write");
            calls = start();
            await Eventually.HoldsAsync(() => storage.QueuedWrites >= calls.Length, "every booking's write is queued");
        }

        await stalled;
        await Task.WhenAll(calls.Select(OutcomeAsync));
        return (calls, storage.Statistics.LargestBatch);
    }

    private static async Task<(BookingOutcome? Outcome, Exception? Failure)> OutcomeAsync(Task<BookingOutcome> call)
    {
        try
        {
            return (await call, null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private PostgresGrainStorage NewStorage() => new(
        new PostgresStorageOptions { ConnectionString = database.ConnectionString, MaxConcurrentBatches = 1 },
        new JsonGrainStateSerializer(),
        [new PostgresBookingRowsWriter(new JsonGrainStateSerializer())],
        TimeProvider.System,
        NullLogger<PostgresGrainStorage>.Instance);

    private static async Task<bool> StateExistsAsync(PostgresGrainStorage storage, GrainId grain)
    {
        var state = new TestGrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("day", grain, state);
        return state.RecordExists;
    }

    private static BookingRecord Row(string resourceId, string userId, BookingStatus status) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        ResourceId = resourceId,
        ResourceKind = ResourceKind.Mentor,
        Date = Tuesday,
        Start = new TimeOnly(10, 0),
        End = new TimeOnly(11, 0),
        StartUtc = TenInParis,
        EndUtc = TenInParis.AddHours(1),
        UserId = userId,
        Status = status,
        CreatedAt = TenInParis.AddDays(-1),
        UpdatedAt = TenInParis.AddDays(-1),
    };

    private Task Insert(string userId, string kind, string status, DateTimeOffset startUtc, int minutes, string? resourceId = null, int? capacity = null) =>
        PostgresBookingRows.InsertBehindTheGrainsAsync(database.DataSource, userId, resourceId ?? NewId("ghost"), kind, status, startUtc, minutes, capacity);
}
