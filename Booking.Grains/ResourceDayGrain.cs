using Booking.Grains.Diagnostics;
using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Interfaces.Notifications;
using Booking.Grains.Messages;
using Booking.Grains.Persistence;
using Booking.Grains.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Booking.Grains;

/// <summary>
/// The single writer of one resource's bookings on one local date. Each command is decided in one synchronous step
/// against the day as it will be once the writes in flight commit (committed + pending changes), so no two requests can
/// take the same capacity; an accepted one takes a lease on the booker's user-day and joins the next write of the day
/// (group commit inside the grain: one write carries every change decided while the previous one was in flight), and its
/// caller is answered only when that write has committed. Refusals write nothing; one that only a change still in flight
/// causes waits for that change to settle and is decided again, so nobody is refused for capacity that ends up free.
/// Reentrant so that requests keep being decided while a write is in flight; every decision is made without an await
/// between reading the day and recording the change, which is what keeps it one-at-a-time.
/// </summary>
[GrainType("resource-day")]
[Reentrant]
internal sealed class ResourceDayGrain : Grain, IResourceDayGrain, IRemindable
{
    private const string HoldReminderName = "hold-expiry";
    private const int MaxRememberedRefusals = 1024;
    private static readonly TimeSpan HoldReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly IProjectedState<ResourceDayState> _state;
    private readonly TimeProvider _time;
    private readonly IBookingFences? _fences;
    private readonly ILogger _logger;

    // Refusals are not written (a refusal costs no database write), so their idempotent replay lasts as long as the activation.
    private readonly Dictionary<string, (string Fingerprint, BookingOutcome Outcome)> _refusals = new(StringComparer.Ordinal);

    // Requests with an idempotency key still being decided or written: a retry with the same key waits for the first.
    private readonly Dictionary<string, (string Fingerprint, Task<BookingOutcome> Outcome)> _inFlight = new(StringComparer.Ordinal);

    // Decided changes not yet committed (awaiting their lease, queued, or carried by the write in flight), in decision
    // order; and the writer, while it runs.
    private readonly List<PendingChange> _queue = [];
    private Task? _writeLoop;

    // The day as it will be when every queued and in-flight change has committed: what decisions are made against.
    private List<BookingRecord>? _view;

    // The state last committed (what reads answer from); _state.State is what the write in flight carries.
    private ResourceDayState? _committed;
    private Task? _holdReminder;
    private string _resourceId = string.Empty;
    private DateOnly _date;
    private ResourceDefinition? _definition;

    public ResourceDayGrain(
        [ProjectedState("resourceDay", ProjectedStorage.Name)] IProjectedState<ResourceDayState> state,
        TimeProvider timeProvider,
        IBookingFences? fences = null,
        ILogger<ResourceDayGrain>? logger = null)
    {
        _state = state;
        _time = timeProvider;
        _fences = fences;
        _logger = logger ?? NullLogger<ResourceDayGrain>.Instance;
    }

    /// <summary>Committed bookings: what reads answer.</summary>
    private List<BookingRecord> Bookings => (_committed ?? _state.State).Bookings;

    /// <summary>Committed bookings with every decided change applied: what decisions are made against.</summary>
    private List<BookingRecord> View => _view ??= [.. Bookings];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!GrainKeys.TryParseDayKey(this.GetPrimaryKeyString(), out _resourceId, out _date))
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a resource-day key (resourceId/yyyy-MM-dd).");
        }

        // Loaded by now (Orleans reads persistent state before activation); writes in flight never change what reads see.
        _committed = _state.State;
        return Task.CompletedTask;
    }

    public async Task<BookingOutcome> BookAsync(BookRequest request)
    {
        var outcome = await WithIdempotencyAsync("book", request, BookCoreAsync);
        BookingMetrics.Record("book", outcome);
        if (outcome is { Error: null, Replayed: false, Booking: { Status: BookingStatus.Confirmed } booking })
        {
            NotifyParties(booking, NotificationKinds.BookingCreated, "Booking confirmed", ownerTitle: "New booking");
        }

        return outcome;
    }

    public async Task<BookingOutcome> HoldAsync(BookRequest request)
    {
        var outcome = await WithIdempotencyAsync("hold", request, HoldCoreAsync);
        BookingMetrics.Record("hold", outcome);
        return outcome;
    }

    public async Task<BookingOutcome> ReleaseHoldAsync(string holdId, string userId)
    {
        var now = _time.GetUtcNow();
        var hold = Find(holdId);
        if (hold is null || hold.UserId != userId || hold.HoldId is null)
        {
            return Fail(BookingErrorCodes.HoldNotFound, $"No hold '{holdId}' for this user.");
        }

        switch (hold.Status)
        {
            case BookingStatus.Confirmed or BookingStatus.Completed or BookingStatus.NoShow:
                return Fail(BookingErrorCodes.HoldNotFound, $"Hold '{holdId}' has become a booking; cancel the booking instead.");
            case BookingStatus.Cancelled:
                return hold.CancelledBy == BookingDefaults.SystemUser
                    ? Fail(BookingErrorCodes.HoldExpired, $"Hold '{holdId}' has expired.")
                    : Fail(BookingErrorCodes.AlreadyCancelled, $"Hold '{holdId}' was already released.");
        }

        if (!hold.IsActiveAt(now))
        {
            return Fail(BookingErrorCodes.HoldExpired, $"Hold '{holdId}' has expired.");
        }

        var released = hold with { Status = BookingStatus.Cancelled, CancelledAt = now, CancelledBy = userId, CancelReason = "hold released", UpdatedAt = now };
        await CommitAsync(Stage([released], ready: true));
        await NotifyReleasedAsync([released]);
        return BookingOutcome.Success(released);
    }

    public async Task<BookingOutcome> CancelAsync(CancelRequest request)
    {
        var definition = await LoadDefinitionAsync();
        var booking = Find(request.BookingId);
        if (booking is null)
        {
            return Fail(BookingErrorCodes.NotFound, $"No booking '{request.BookingId}'.");
        }

        var now = _time.GetUtcNow();
        if (CancellationRules.Check(booking, request, definition?.CancellationCutoffMinutes ?? 0, now) is { } error)
        {
            return BookingOutcome.Failure(error);
        }

        var cancelled = CancellationRules.Apply(booking, request, now);
        await CommitAsync(Stage([cancelled], ready: true));
        await NotifyReleasedAsync([cancelled]);
        NotifyParties(cancelled, NotificationKinds.BookingCancelled, "Booking cancelled");
        return BookingOutcome.Success(cancelled);
    }

    public async Task<BookingOutcome> SetStatusAsync(StatusChangeRequest request)
    {
        var booking = Find(request.BookingId);
        if (booking is null)
        {
            return Fail(BookingErrorCodes.NotFound, $"No booking '{request.BookingId}'.");
        }

        var (changed, error) = StatusRules.Apply(booking, request, _time.GetUtcNow());
        if (error is not null)
        {
            return BookingOutcome.Failure(error);
        }

        if (ReferenceEquals(changed, booking))
        {
            return BookingOutcome.Success(booking);
        }

        await CommitAsync(Stage([changed!], ready: true));
        if (changed!.Status is BookingStatus.Completed or BookingStatus.NoShow)
        {
            // No longer active: the rest of its time is free for the resource and for the booker.
            await NotifyReleasedAsync([changed]);
        }

        return BookingOutcome.Success(changed);
    }

    public Task<BookingRecord?> GetBookingAsync(string bookingId) => Task.FromResult(Bookings.Find(b => b.Id == bookingId));

    public Task<IReadOnlyList<BookingRecord>> GetBookingsAsync() => Task.FromResult<IReadOnlyList<BookingRecord>>([.. Bookings]);

    public async Task<DayOccupancy> GetOccupancyAsync()
    {
        var definition = await LoadDefinitionAsync();
        var now = _time.GetUtcNow();
        var capacity = definition?.Capacity ?? 1;
        List<BookingRecord> active = [.. Bookings.Where(b => b.IsActiveAt(now))];
        return new DayOccupancy
        {
            ResourceId = _resourceId,
            Date = _date,
            Capacity = capacity,
            Taken = CapacitySweep.Segments(active, capacity, now),
            Bookings = active,
        };
    }

    public async Task<IReadOnlyList<FreeSlot>> GetFreeSlotsAsync(int? durationMinutes)
    {
        var definition = await LoadDefinitionAsync();
        return definition is null ? [] : FreeSlotFinder.FindFreeSlots(definition, _date, View, _time.GetUtcNow(), durationMinutes);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HoldReminderName)
        {
            return;
        }

        if (View.Any(b => IsExpiredHold(b, _time.GetUtcNow())))
        {
            // An empty change: the write expires every hold that has run out.
            await CommitAsync(Stage([], ready: true));
        }

        if (!View.Any(b => b.Status == BookingStatus.Pending))
        {
            if (await this.GetReminder(HoldReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _holdReminder = null;
        }
    }

    private async Task<BookingOutcome> WithIdempotencyAsync(
        string command,
        BookRequest request,
        Func<BookRequest, IdempotencyEntry?, Task<BookingOutcome>> execute)
    {
        if (string.IsNullOrWhiteSpace(request.UserId))
        {
            return Fail(BookingErrorCodes.ValidationFailed, "userId is required.");
        }

        if (request.ResourceId != _resourceId || request.Date != _date)
        {
            return Fail(BookingErrorCodes.ValidationFailed, $"This request is for {request.ResourceId} on {request.Date:yyyy-MM-dd} but reached {this.GetPrimaryKeyString()}.");
        }

        if (string.IsNullOrEmpty(request.IdempotencyKey))
        {
            return await execute(request, null);
        }

        var key = IdempotencyKey(request.UserId, request.IdempotencyKey);
        var fingerprint = RequestFingerprint.Of(command, request);
        if ((_committed ?? _state.State).Idempotency.TryGetValue(key, out var accepted) && Bookings.Find(b => b.Id == accepted.BookingId) is { } booking)
        {
            return accepted.Fingerprint == fingerprint
                ? BookingOutcome.Success(booking) with { Replayed = true }
                : IdempotencyConflict();
        }

        if (_inFlight.TryGetValue(key, out var running))
        {
            // The same request is being decided or written right now: its answer is this one's too.
            if (running.Fingerprint != fingerprint)
            {
                return IdempotencyConflict();
            }

            return await running.Outcome with { Replayed = true };
        }

        if (_refusals.TryGetValue(key, out var refused))
        {
            return refused.Fingerprint == fingerprint ? refused.Outcome with { Replayed = true } : IdempotencyConflict();
        }

        var outcomeTask = execute(request, new IdempotencyEntry { BookingId = string.Empty, Fingerprint = fingerprint });
        _inFlight[key] = (fingerprint, outcomeTask);
        BookingOutcome outcome;
        try
        {
            outcome = await outcomeTask;
        }
        finally
        {
            _inFlight.Remove(key);
        }

        if (!outcome.IsSuccess)
        {
            if (_refusals.Count >= MaxRememberedRefusals)
            {
                _refusals.Clear();
            }

            _refusals[key] = (fingerprint, outcome);
        }

        return outcome;
    }

    private async Task<BookingOutcome> BookCoreAsync(BookRequest request, IdempotencyEntry? idempotency)
    {
        var definition = await LoadDefinitionAsync();
        if (definition is null)
        {
            return Fail(BookingErrorCodes.ResourceNotFound, $"No resource '{_resourceId}'.");
        }

        var now = _time.GetUtcNow();
        if (request.HoldId is not null)
        {
            return await ConfirmHoldAsync(definition, request, idempotency, now);
        }

        var decision = await DecideAsync(definition, request);
        if (!decision.IsAccepted)
        {
            return Refuse(definition, request, decision.Error, _time.GetUtcNow());
        }

        return await CommitNewAsync(definition, request, decision.Interval, idempotency, _time.GetUtcNow(), hold: false);
    }

    private async Task<BookingOutcome> HoldCoreAsync(BookRequest request, IdempotencyEntry? idempotency)
    {
        if (request.HoldId is not null)
        {
            return Fail(BookingErrorCodes.ValidationFailed, "A hold cannot name a hold id.");
        }

        var definition = await LoadDefinitionAsync();
        if (definition is null)
        {
            return Fail(BookingErrorCodes.ResourceNotFound, $"No resource '{_resourceId}'.");
        }

        var decision = await DecideAsync(definition, request);
        if (!decision.IsAccepted)
        {
            return Refuse(definition, request, decision.Error, _time.GetUtcNow());
        }

        return await CommitNewAsync(definition, request, decision.Interval, idempotency, _time.GetUtcNow(), hold: true);
    }

    private Task<BookingOutcome> CommitNewAsync(
        ResourceDefinition definition,
        BookRequest request,
        ResolvedInterval interval,
        IdempotencyEntry? idempotency,
        DateTimeOffset now,
        bool hold)
    {
        var id = Guid.NewGuid().ToString("N");
        var booking = new BookingRecord
        {
            Id = id,
            ResourceId = _resourceId,
            ResourceKind = definition.Kind,
            Date = _date,
            Start = interval.Start,
            End = interval.End,
            StartUtc = interval.StartUtc,
            EndUtc = interval.EndUtc,
            Period = interval.Period,
            UserId = request.UserId,
            Status = hold ? BookingStatus.Pending : BookingStatus.Confirmed,
            Subject = request.Subject,
            Notes = request.Notes,
            Details = CopyDetails(request.Details),
            CreatedAt = now,
            UpdatedAt = now,
            IdempotencyKey = request.IdempotencyKey,
            HoldId = hold ? id : null,
            HoldExpiresAt = hold ? now + BookingDefaults.HoldDuration : null,
        };

        return LeaseAndCommitAsync(definition, request, booking, idempotency, now, hold);
    }

    private async Task<BookingOutcome> ConfirmHoldAsync(ResourceDefinition definition, BookRequest request, IdempotencyEntry? idempotency, DateTimeOffset now)
    {
        var hold = Find(request.HoldId!);
        if (hold is null || hold.UserId != request.UserId || hold.HoldId is null)
        {
            return Fail(BookingErrorCodes.HoldNotFound, $"No hold '{request.HoldId}' for this user.");
        }

        switch (hold.Status)
        {
            case BookingStatus.Confirmed:
                // The hold was already turned into this booking (a retry without an idempotency key).
                return BookingOutcome.Success(hold) with { Replayed = true };
            case BookingStatus.Cancelled when hold.CancelledBy == BookingDefaults.SystemUser:
                return Fail(BookingErrorCodes.HoldExpired, $"Hold '{hold.Id}' has expired; its slot may have been taken.");
            case not BookingStatus.Pending:
                return Fail(BookingErrorCodes.HoldNotFound, $"Hold '{hold.Id}' is no longer held.");
        }

        if (!hold.IsActiveAt(now))
        {
            return Fail(BookingErrorCodes.HoldExpired, $"Hold '{hold.Id}' has expired; its slot may have been taken.");
        }

        if (!definition.Active)
        {
            return Fail(BookingErrorCodes.ResourceInactive, $"Resource '{_resourceId}' no longer takes bookings.");
        }

        if (request.Start is not null || request.End is not null || request.Period is not null || request.DurationMinutes is not null)
        {
            var (local, error) = RequestResolver.Resolve(definition, request);
            if (error is not null)
            {
                return BookingOutcome.Failure(error);
            }

            if (LocalMinutes.ToTime(local.StartMinute) != hold.Start || LocalMinutes.ToTime(local.EndMinute) != hold.End)
            {
                return Fail(BookingErrorCodes.ValidationFailed, $"The time asked for is not the time of hold '{hold.Id}' ({hold.Start:HH:mm}–{hold.End:HH:mm}).");
            }
        }

        var confirmed = hold with
        {
            Status = BookingStatus.Confirmed,
            HoldExpiresAt = null,
            Subject = request.Subject ?? hold.Subject,
            Notes = request.Notes ?? hold.Notes,
            Details = request.Details is null ? hold.Details : CopyDetails(request.Details),
            IdempotencyKey = request.IdempotencyKey ?? hold.IdempotencyKey,
            UpdatedAt = now,
        };

        return await LeaseAndCommitAsync(definition, request, confirmed, idempotency, now, hold: false);
    }

    /// <summary>
    /// Decides a new booking or hold against the day with every change in flight applied. When only changes still in
    /// flight stand in the way (the committed day alone would accept it), it waits for them to settle and decides again:
    /// a request is never refused for capacity that a failed or withdrawn change ends up not taking. The decision that
    /// counts is made synchronously after the last await, so it is still one at a time.
    /// </summary>
    private async Task<BookingDecision> DecideAsync(ResourceDefinition definition, BookRequest request)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            var decision = BookingRules.Decide(definition, request, View, now);
            if (decision.IsAccepted
                || decision.Error.Code != BookingErrorCodes.SlotUnavailable
                || _queue.Count == 0
                || !BookingRules.Decide(definition, request, Bookings, now).IsAccepted)
            {
                return decision;
            }

            await WhenSettledAsync([.. _queue]);
        }
    }

    /// <summary>Waits until each change has committed, failed or been withdrawn.</summary>
    private static async Task WhenSettledAsync(IReadOnlyList<PendingChange> changes)
    {
        foreach (var change in changes)
        {
            try
            {
                await change.Committed.Task;
            }
            catch (Exception)
            {
                // Failed or withdrawn: either way it no longer holds the capacity.
            }
        }
    }

    /// <summary>
    /// The accepted path of a new booking, hold or hold confirmation: the change is staged (later decisions see it at
    /// once), the booker's user-day lease is taken, and the change joins the next write; the caller is answered when that
    /// write has committed. A refused lease or a write the store's fences refuse unstages it and gives the lease back.
    /// </summary>
    private async Task<BookingOutcome> LeaseAndCommitAsync(
        ResourceDefinition definition,
        BookRequest request,
        BookingRecord booking,
        IdempotencyEntry? idempotency,
        DateTimeOffset now,
        bool hold)
    {
        var change = Stage([booking], ready: false, idempotency is null ? null : (IdempotencyKey(booking.UserId, booking.IdempotencyKey!), idempotency with { BookingId = booking.Id }));
        var userDay = GrainFactory.GetGrain<IUserDayGrain>(GrainKeys.UserDay(request.UserId, _date));
        UserLeaseOutcome lease;
        try
        {
            lease = await userDay.TryLeaseAsync(LeaseFor(booking));
        }
        catch
        {
            Unstage(change);
            throw;
        }

        if (!lease.Granted)
        {
            Unstage(change);
            return BookingOutcome.Failure(lease.Error ?? BookingError.Of(BookingErrorCodes.UserConflict, "You already have a booking at that time."));
        }

        if (hold)
        {
            await EnsureHoldReminderAsync();
        }

        try
        {
            await CommitAsync(MarkReady(change));
        }
        catch (FenceRefusedException refused)
        {
            await ReleaseLeaseAsync(userDay, booking.Id);
            return RefusedByFence(definition, request, booking, refused.Refusal, now);
        }
        catch (InconsistentStateException)
        {
            // Nothing was written (another activation wrote first; Orleans deactivates this one): the lease is free.
            await ReleaseLeaseAsync(userDay, booking.Id);
            throw;
        }

        await ConfirmLeaseAsync(userDay, booking);
        AnnounceTaken(definition);
        return BookingOutcome.Success(booking);
    }

    /// <summary>Records a decided change: from now on every decision sees it. Synchronous, so no request decides in between.</summary>
    private PendingChange Stage(IReadOnlyList<BookingRecord> rows, bool ready, (string Key, IdempotencyEntry Entry)? idempotency = null)
    {
        var change = new PendingChange(rows, idempotency) { Ready = ready };
        _queue.Add(change);
        ApplyTo(View, rows);
        return change;
    }

    private PendingChange MarkReady(PendingChange change)
    {
        change.Ready = true;
        return change;
    }

    /// <summary>Withdraws a change that will not be written; decisions stop seeing it.</summary>
    private void Unstage(PendingChange change)
    {
        if (_queue.Remove(change))
        {
            RebuildView();
        }

        // Requests waiting for it to settle decide again.
        change.Committed.TrySetCanceled();
    }

    /// <summary>Waits until a write carrying <paramref name="change"/> has committed (starting the writer if it is idle).</summary>
    private Task CommitAsync(PendingChange change)
    {
        if (_writeLoop is null || _writeLoop.IsCompleted)
        {
            _writeLoop = WriteQueuedAsync();
        }

        return change.Committed.Task;
    }

    /// <summary>
    /// The day's writer: one write at a time, each carrying every ready change at the head of the queue (in decision
    /// order, so a change never overtakes an earlier one it may depend on).
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        // Let the turn that started the writer finish first, so changes decided in the same burst share the write.
        await Task.Yield();
        while (true)
        {
            var carried = _queue.TakeWhile(c => c.Ready).ToList();
            if (carried.Count == 0)
            {
                return;
            }

            await WriteAsync(carried);
        }
    }

    /// <summary>
    /// Writes the committed day with <paramref name="carried"/> applied (and every hold that has run out marked cancelled),
    /// with the changed rows as the bookings-table projection of the same transaction, then completes the carried changes.
    /// A stale write or an unknown outcome fails every queued change (all were decided against this one) and the
    /// activation reloads; a write the store's fences refuse is split so the refusal lands on its own change only.
    /// </summary>
    private async Task WriteAsync(List<PendingChange> carried)
    {
        var now = _time.GetUtcNow();
        var committed = _committed ?? _state.State;
        var byId = new Dictionary<string, BookingRecord>(StringComparer.Ordinal);
        foreach (var row in carried.SelectMany(c => c.Rows))
        {
            byId[row.Id] = row;
        }

        List<BookingRecord> expired =
        [
            .. committed.Bookings
                .Where(b => !byId.ContainsKey(b.Id) && IsExpiredHold(b, now))
                .Select(b => b with { Status = BookingStatus.Cancelled, CancelledAt = now, CancelledBy = BookingDefaults.SystemUser, CancelReason = "hold expired", UpdatedAt = now }),
        ];
        var changedRows = new List<BookingRecord>(expired);
        changedRows.AddRange(byId.Values);
        foreach (var hold in expired)
        {
            byId[hold.Id] = hold;
        }

        var bookings = new List<BookingRecord>(committed.Bookings);
        ApplyTo(bookings, byId.Values);
        var idempotencyKeys = new Dictionary<string, IdempotencyEntry>(committed.Idempotency, StringComparer.Ordinal);
        foreach (var (key, entry) in carried.Where(c => c.Idempotency is not null).Select(c => c.Idempotency!.Value))
        {
            idempotencyKeys[key] = entry;
        }

        _state.State = new ResourceDayState { Bookings = bookings, Idempotency = idempotencyKeys };
        try
        {
            // Expired holds first: they leave their place before a new row may take it (the database checks row by row).
            await _state.WriteStateAsync(WithMessages(new BookingRowsChanged(changedRows, _definition?.Capacity), committed.Bookings, now));
        }
        catch (Exception exception) when (FenceRefusal(exception) is { } refusal)
        {
            // The store's overlap fence refused this write alone: its statements rolled back and the rest of the batch
            // committed without them, so nothing of it exists and the stored version is still ours.
            _state.State = committed;
            if (carried.Count == 1)
            {
                _queue.Remove(carried[0]);
                RebuildView();
                carried[0].Committed.TrySetException(new FenceRefusedException(refusal, exception));
                return;
            }

            // Several changes shared the write: write them one by one, so only the refused one is refused.
            foreach (var change in carried.Where(_queue.Contains))
            {
                await WriteAsync([change]);
            }

            return;
        }
        catch (Exception exception)
        {
            // Stale (another activation wrote first) or unknown (the write may or may not have committed): every queued
            // change was decided against this state, so all of them fail; the next call reloads from storage. A stale
            // write reaches its callers as InconsistentStateException, which makes Orleans deactivate this activation.
            _state.State = committed;
            List<PendingChange> failed = [.. _queue];
            _queue.Clear();
            RebuildView();
            DeactivateOnIdle();
            foreach (var change in failed)
            {
                change.Committed.TrySetException(exception);
            }

            return;
        }

        _committed = _state.State;
        foreach (var change in carried)
        {
            _queue.Remove(change);
        }

        RebuildView();
        foreach (var change in carried)
        {
            change.Committed.TrySetResult();
        }

        if (expired.Count > 0)
        {
            _ = NotifyReleasedAsync(expired);
        }
    }

    /// <summary>The view of decisions: the committed day with every queued change applied, in decision order.</summary>
    private void RebuildView()
    {
        var view = new List<BookingRecord>(Bookings);
        foreach (var change in _queue)
        {
            ApplyTo(view, change.Rows);
        }

        _view = view;
    }

    /// <summary>Replaces rows by id and adds new ones, keeping start order.</summary>
    private static void ApplyTo(List<BookingRecord> bookings, IEnumerable<BookingRecord> rows)
    {
        var added = false;
        foreach (var row in rows)
        {
            var index = bookings.FindIndex(b => b.Id == row.Id);
            if (index >= 0)
            {
                bookings[index] = row;
            }
            else
            {
                bookings.Add(row);
                added = true;
            }
        }

        if (added)
        {
            bookings.Sort((a, b) => a.StartUtc != b.StartUtc ? a.StartUtc.CompareTo(b.StartUtc) : a.CreatedAt.CompareTo(b.CreatedAt));
        }
    }

    private static string IdempotencyKey(string userId, string key) => userId + "\u001f" + key;

    /// <summary>
    /// The write's projections: its bookings rows and, when it confirms, cancels or closes a booking, the message events that
    /// tell people so. Both ride the state's transaction: a committed booking always has its messages, a refused one none.
    /// </summary>
    private IReadOnlyList<IStateProjection> WithMessages(BookingRowsChanged rows, IReadOnlyList<BookingRecord> before, DateTimeOffset now) =>
        BookingMessageEvents.For(before, rows.Rows, _definition, now) is { Count: > 0 } events
            ? [rows, new MessageEventsRecorded(events)]
            : [rows];

    private async Task<ResourceDefinition?> LoadDefinitionAsync()
    {
        var resource = GrainFactory.GetGrain<IResourceGrain>(_resourceId);
        var version = await resource.GetVersionAsync();
        if (version == 0)
        {
            _definition = null;
        }
        else if (_definition?.Version != version)
        {
            _definition = await resource.GetAsync();
        }

        return _definition;
    }

    private BookingOutcome Refuse(ResourceDefinition definition, BookRequest request, BookingError error, DateTimeOffset now)
    {
        if (error.Code != BookingErrorCodes.SlotUnavailable)
        {
            return BookingOutcome.Failure(error);
        }

        return BookingOutcome.Failure(error with { Alternatives = FreeSlotFinder.Alternatives(definition, request, View, now) });
    }

    private BookingError? FenceRefusal(Exception exception) => _fences?.Refusal(exception);

    /// <summary>
    /// The answer to a booking the store's fence refused although this grain's rules accepted it: a row this activation
    /// did not know of (written by another activation of a grain, or behind the grains' back) takes the time. Alternatives
    /// come from what this grain knows, without the refused time itself.
    /// </summary>
    private BookingOutcome RefusedByFence(ResourceDefinition definition, BookRequest request, BookingRecord refused, BookingError refusal, DateTimeOffset now)
    {
        _logger.LogWarning("The bookings table's fence refused booking {BookingId} of {Grain} for user {UserId}: {Code}", refused.Id, IdentityString, refused.UserId, refusal.Code);
        if (refusal.Code != BookingErrorCodes.SlotUnavailable)
        {
            return BookingOutcome.Failure(refusal);
        }

        var alternatives = FreeSlotFinder.Alternatives(definition, request, View, now)
            .Where(s => s.EndUtc <= refused.StartUtc || s.StartUtc >= refused.EndUtc)
            .ToList();
        return BookingOutcome.Failure(refusal with { Alternatives = alternatives });
    }

    private async Task EnsureHoldReminderAsync()
    {
        // One registration per activation, shared by concurrent holds.
        _holdReminder ??= RegisterHoldReminderAsync();
        try
        {
            await _holdReminder;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or OrleansException)
        {
            // Holds still stop counting when they expire (the rules check the expiry); only the row's status update waits for the next write.
            _holdReminder = null;
            _logger.LogWarning(exception, "Could not register the hold-expiry reminder of {Grain}", IdentityString);
        }
    }

    private async Task RegisterHoldReminderAsync()
    {
        if (await this.GetReminder(HoldReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(HoldReminderName, BookingDefaults.HoldDuration, HoldReminderPeriod);
        }
    }

    private async Task ConfirmLeaseAsync(IUserDayGrain userDay, BookingRecord booking)
    {
        try
        {
            await userDay.ConfirmLeaseAsync(booking.Id, booking);
        }
        catch (Exception exception)
        {
            // The booking is committed; the lapsed lease makes the user-day grain re-read it from the bookings rows.
            _logger.LogWarning(exception, "Could not confirm the user-day lease of booking {BookingId}", booking.Id);
        }
    }

    private async Task ReleaseLeaseAsync(IUserDayGrain userDay, string leaseId)
    {
        try
        {
            await userDay.ReleaseLeaseAsync(leaseId);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Could not release user-day lease {LeaseId}", leaseId);
        }
    }

    /// <summary>Tells the bookers' user-day grains (and the parking site) that these bookings no longer take their time.</summary>
    private async Task NotifyReleasedAsync(IReadOnlyList<BookingRecord> released)
    {
        foreach (var booking in released)
        {
            try
            {
                await GrainFactory.GetGrain<IUserDayGrain>(GrainKeys.UserDay(booking.UserId, _date)).OnBookingCancelledAsync(booking.Id);
                if (_definition is { Kind: ResourceKind.ParkingSlot, ParentId: { } siteId })
                {
                    await GrainFactory.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(siteId, _date)).OnSlotReleasedAsync(_resourceId, booking.Period);
                }
            }
            catch (Exception exception)
            {
                // Both grains re-read committed state before refusing anyone, so a lost notice only delays the freed time.
                _logger.LogWarning(exception, "Could not announce the release of booking {BookingId}", booking.Id);
            }
        }
    }

    /// <summary>
    /// Tells a parking slot's site that this slot just lost time to a booking or hold (one-way: the answer is not held up),
    /// so the site's status is re-read and its live map updated whether the booking came through the site or directly.
    /// </summary>
    private void AnnounceTaken(ResourceDefinition definition)
    {
        if (definition is { Kind: ResourceKind.ParkingSlot, ParentId: { } siteId })
        {
            _ = GrainFactory.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(siteId, _date)).OnSlotTakenAsync(_resourceId);
        }
    }

    /// <summary>
    /// Tells the booker and the resource's owner, without holding up the answer: the booking is committed already,
    /// and an in-app notice is not worth a second round of database latency on the booking path.
    /// </summary>
    private void NotifyParties(BookingRecord booking, string kind, string title, string? ownerTitle = null)
    {
        var notice = new NewNotification
        {
            Kind = kind,
            Title = title,
            Message = $"{_definition?.Name ?? booking.ResourceId}, {booking.Date:yyyy-MM-dd} {booking.Start:HH:mm}-{booking.End:HH:mm}",
            BookingId = booking.Id,
            ResourceId = booking.ResourceId,
        };
        _ = DeliverAsync(booking.UserId, notice);
        if (_definition?.OwnerId is { } owner && owner != booking.UserId)
        {
            // The owner is told what happened to them (EduConnect: "Nouvelle réservation de session"), not the booker's confirmation.
            _ = DeliverAsync(owner, ownerTitle is null ? notice : notice with { Title = ownerTitle });
        }
    }

    private async Task DeliverAsync(string userId, NewNotification notice)
    {
        try
        {
            await GrainFactory.GetGrain<INotificationInboxGrain>(userId).AddAsync(notice);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Notification {Kind} for {UserId} was not delivered", notice.Kind, userId);
        }
    }

    /// <summary>A booking as decisions see it (committed, with the changes in flight applied).</summary>
    private BookingRecord? Find(string bookingId) => View.Find(b => b.Id == bookingId);

    private static bool IsExpiredHold(BookingRecord booking, DateTimeOffset now) =>
        booking.Status == BookingStatus.Pending && !booking.IsActiveAt(now);

    private static UserLeaseRequest LeaseFor(BookingRecord booking) => new()
    {
        LeaseId = booking.Id,
        ResourceId = booking.ResourceId,
        ResourceKind = booking.ResourceKind,
        StartUtc = booking.StartUtc,
        EndUtc = booking.EndUtc,
        Period = booking.Period,
    };

    private static Dictionary<string, string> CopyDetails(IReadOnlyDictionary<string, string>? details) =>
        details is null ? [] : new Dictionary<string, string>(details, StringComparer.Ordinal);

    private static BookingOutcome Fail(string code, string message) => BookingOutcome.Failure(code, message);

    private static BookingOutcome IdempotencyConflict() =>
        Fail(BookingErrorCodes.IdempotencyConflict, "This idempotency key was already used for a different request.");

    /// <summary>A decided change of the day waiting for (or carried by) a write.</summary>
    private sealed class PendingChange(IReadOnlyList<BookingRecord> rows, (string Key, IdempotencyEntry Entry)? idempotency)
    {
        public IReadOnlyList<BookingRecord> Rows => rows;

        public (string Key, IdempotencyEntry Entry)? Idempotency => idempotency;

        /// <summary>False while the booker's lease is being taken: the writer does not carry it (nor anything after it) yet.</summary>
        public bool Ready { get; set; }

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The store's overlap fence refused the write that carried a change.</summary>
    private sealed class FenceRefusedException(BookingError refusal, Exception inner) : Exception(refusal.Message, inner)
    {
        public BookingError Refusal => refusal;
    }
}
