using Booking.Grains.Diagnostics;
using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Interfaces.Notifications;
using Booking.Grains.Messages;
using Booking.Grains.Projections;
using Booking.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Booking.Grains;

/// <summary>
/// The single writer of one resource's bookings on one local date. Each command is decided against the state in
/// memory; an accepted one takes a lease on the booker's user-day, is written together with its bookings row, and only
/// then is the lease confirmed and the answer sent. Refusals write nothing.
/// </summary>
[GrainType("resource-day")]
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
    private string _resourceId = string.Empty;
    private DateOnly _date;
    private ResourceDefinition? _definition;
    private bool _holdReminderRegistered;

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

    private List<BookingRecord> Bookings => _state.State.Bookings;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!GrainKeys.TryParseDayKey(this.GetPrimaryKeyString(), out _resourceId, out _date))
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a resource-day key (resourceId/yyyy-MM-dd).");
        }

        return Task.CompletedTask;
    }

    public async Task<BookingOutcome> BookAsync(BookRequest request)
    {
        var outcome = await WithIdempotencyAsync("book", request, BookCoreAsync);
        BookingMetrics.Record("book", outcome);
        if (outcome is { Error: null, Replayed: false, Booking: { Status: BookingStatus.Confirmed } booking })
        {
            NotifyParties(booking, NotificationKinds.BookingCreated, "Booking confirmed");
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
        await PersistAsync([released]);
        await NotifyReleasedAsync([released]);
        return BookingOutcome.Success(released);
    }

    public async Task<BookingOutcome> CancelAsync(CancelRequest request)
    {
        var booking = Find(request.BookingId);
        if (booking is null)
        {
            return Fail(BookingErrorCodes.NotFound, $"No booking '{request.BookingId}'.");
        }

        var definition = await LoadDefinitionAsync();
        var now = _time.GetUtcNow();
        if (CancellationRules.Check(booking, request, definition?.CancellationCutoffMinutes ?? 0, now) is { } error)
        {
            return BookingOutcome.Failure(error);
        }

        var cancelled = CancellationRules.Apply(booking, request, now);
        await PersistAsync([cancelled]);
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

        await PersistAsync([changed!]);
        if (changed!.Status is BookingStatus.Completed or BookingStatus.NoShow)
        {
            // No longer active: the rest of its time is free for the resource and for the booker.
            await NotifyReleasedAsync([changed]);
        }

        return BookingOutcome.Success(changed);
    }

    public Task<BookingRecord?> GetBookingAsync(string bookingId) => Task.FromResult(Find(bookingId));

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
        return definition is null ? [] : FreeSlotFinder.FindFreeSlots(definition, _date, Bookings, _time.GetUtcNow(), durationMinutes);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HoldReminderName)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (Bookings.Any(b => IsExpiredHold(b, now)))
        {
            var expired = await PersistAsync([]);
            await NotifyReleasedAsync(expired);
        }

        if (!Bookings.Any(b => b.Status == BookingStatus.Pending))
        {
            if (await this.GetReminder(HoldReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _holdReminderRegistered = false;
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

        var key = request.UserId + "\u001f" + request.IdempotencyKey;
        var fingerprint = RequestFingerprint.Of(command, request);
        if (_state.State.Idempotency.TryGetValue(key, out var accepted) && Find(accepted.BookingId) is { } booking)
        {
            return accepted.Fingerprint == fingerprint
                ? BookingOutcome.Success(booking) with { Replayed = true }
                : IdempotencyConflict();
        }

        if (_refusals.TryGetValue(key, out var refused))
        {
            return refused.Fingerprint == fingerprint ? refused.Outcome with { Replayed = true } : IdempotencyConflict();
        }

        var outcome = await execute(request, new IdempotencyEntry { BookingId = string.Empty, Fingerprint = fingerprint });
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

        var decision = BookingRules.Decide(definition, request, Bookings, now);
        if (!decision.IsAccepted)
        {
            return Refuse(definition, request, decision.Error, now);
        }

        return await CommitNewAsync(definition, request, decision.Interval, idempotency, now, hold: false);
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

        var now = _time.GetUtcNow();
        var decision = BookingRules.Decide(definition, request, Bookings, now);
        if (!decision.IsAccepted)
        {
            return Refuse(definition, request, decision.Error, now);
        }

        return await CommitNewAsync(definition, request, decision.Interval, idempotency, now, hold: true);
    }

    private async Task<BookingOutcome> CommitNewAsync(
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

        var userDay = GrainFactory.GetGrain<IUserDayGrain>(GrainKeys.UserDay(request.UserId, _date));
        var lease = await userDay.TryLeaseAsync(LeaseFor(booking));
        if (!lease.Granted)
        {
            return BookingOutcome.Failure(lease.Error ?? BookingError.Of(BookingErrorCodes.UserConflict, "You already have a booking at that time."));
        }

        if (hold)
        {
            await EnsureHoldReminderAsync();
        }

        IReadOnlyList<BookingRecord> expired;
        try
        {
            expired = await PersistAsync([booking], idempotency is null ? null : idempotency with { BookingId = id }, userDay, id);
        }
        catch (Exception exception) when (FenceRefusal(exception) is { } refusal)
        {
            return RefusedByFence(definition, request, booking, refusal, now);
        }

        await ConfirmLeaseAsync(userDay, booking);
        await NotifyReleasedAsync(expired);
        return BookingOutcome.Success(booking);
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

        var userDay = GrainFactory.GetGrain<IUserDayGrain>(GrainKeys.UserDay(request.UserId, _date));
        var lease = await userDay.TryLeaseAsync(LeaseFor(confirmed));
        if (!lease.Granted)
        {
            return BookingOutcome.Failure(lease.Error ?? BookingError.Of(BookingErrorCodes.UserConflict, "You already have a booking at that time."));
        }

        IReadOnlyList<BookingRecord> expired;
        try
        {
            expired = await PersistAsync([confirmed], idempotency is null ? null : idempotency with { BookingId = confirmed.Id }, userDay, confirmed.Id);
        }
        catch (Exception exception) when (FenceRefusal(exception) is { } refusal)
        {
            return RefusedByFence(definition, request, confirmed, refusal, now);
        }

        await ConfirmLeaseAsync(userDay, confirmed);
        await NotifyReleasedAsync(expired);
        return BookingOutcome.Success(confirmed);
    }

    /// <summary>
    /// Writes the day with <paramref name="changed"/> applied (and every hold that has run out marked cancelled), with
    /// the changed rows as the bookings-table projection of the same transaction. On failure the state in memory goes back
    /// to what storage holds. Returns the holds that this write expired.
    /// </summary>
    private async Task<IReadOnlyList<BookingRecord>> PersistAsync(
        IReadOnlyList<BookingRecord> changed,
        IdempotencyEntry? idempotency = null,
        IUserDayGrain? leaseHolder = null,
        string? leaseId = null)
    {
        var now = _time.GetUtcNow();
        var byId = changed.ToDictionary(b => b.Id, StringComparer.Ordinal);
        List<BookingRecord> expired =
        [
            .. Bookings
                .Where(b => !byId.ContainsKey(b.Id) && IsExpiredHold(b, now))
                .Select(b => b with { Status = BookingStatus.Cancelled, CancelledAt = now, CancelledBy = BookingDefaults.SystemUser, CancelReason = "hold expired", UpdatedAt = now }),
        ];
        foreach (var hold in expired)
        {
            byId[hold.Id] = hold;
        }

        var bookings = Bookings.Select(b => byId.Remove(b.Id, out var replacement) ? replacement : b).ToList();
        bookings.AddRange(byId.Values);
        bookings.Sort((a, b) => a.StartUtc != b.StartUtc ? a.StartUtc.CompareTo(b.StartUtc) : a.CreatedAt.CompareTo(b.CreatedAt));

        var idempotencyKeys = new Dictionary<string, IdempotencyEntry>(_state.State.Idempotency, StringComparer.Ordinal);
        if (idempotency is not null)
        {
            var booking = changed.First(b => b.Id == idempotency.BookingId);
            idempotencyKeys[booking.UserId + "\u001f" + booking.IdempotencyKey] = idempotency;
        }

        var previous = _state.State;
        _state.State = new ResourceDayState { Bookings = bookings, Idempotency = idempotencyKeys };
        try
        {
            // Expired holds first: they leave their place before a new row may take it (the database checks row by row).
            await _state.WriteStateAsync(WithMessages(new BookingRowsChanged([.. expired, .. changed], _definition?.Capacity), previous.Bookings, now));
        }
        catch (InconsistentStateException)
        {
            // Nothing was written (another activation wrote first; the runtime deactivates this one): the lease is free.
            _state.State = previous;
            if (leaseHolder is not null && leaseId is not null)
            {
                await ReleaseLeaseAsync(leaseHolder, leaseId);
            }

            throw;
        }
        catch (Exception exception) when (FenceRefusal(exception) is not null)
        {
            // The store's overlap fence refused this write alone: its statements rolled back and the rest of the batch
            // committed without them, so nothing of it exists and the stored version is still ours. State and lease go
            // back as they were, and the activation stays.
            _state.State = previous;
            if (leaseHolder is not null && leaseId is not null)
            {
                await ReleaseLeaseAsync(leaseHolder, leaseId);
            }

            throw;
        }
        catch
        {
            // The write may or may not have committed: reload from storage on the next call, and keep the lease, which
            // lapses and makes the user-day grain re-read the committed rows.
            _state.State = previous;
            DeactivateOnIdle();
            throw;
        }

        return expired;
    }

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

        return BookingOutcome.Failure(error with { Alternatives = FreeSlotFinder.Alternatives(definition, request, Bookings, now) });
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

        var alternatives = FreeSlotFinder.Alternatives(definition, request, Bookings, now)
            .Where(s => s.EndUtc <= refused.StartUtc || s.StartUtc >= refused.EndUtc)
            .ToList();
        return BookingOutcome.Failure(refusal with { Alternatives = alternatives });
    }

    private async Task EnsureHoldReminderAsync()
    {
        if (_holdReminderRegistered)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(HoldReminderName) is null)
            {
                await this.RegisterOrUpdateReminder(HoldReminderName, BookingDefaults.HoldDuration, HoldReminderPeriod);
            }

            _holdReminderRegistered = true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Holds still stop counting when they expire (the rules check the expiry); only the row's status update waits for the next write.
            _logger.LogWarning(exception, "Could not register the hold-expiry reminder of {Grain}", IdentityString);
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
    /// Tells the booker and the resource's owner, without holding up the answer: the booking is committed already,
    /// and an in-app notice is not worth a second round of database latency on the booking path.
    /// </summary>
    private void NotifyParties(BookingRecord booking, string kind, string title)
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
            _ = DeliverAsync(owner, notice);
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

    private BookingRecord? Find(string bookingId) => Bookings.Find(b => b.Id == bookingId);

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
}
