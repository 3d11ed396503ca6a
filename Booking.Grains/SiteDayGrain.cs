using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Live;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Live;
using Orleans.Concurrency;

namespace Booking.Grains;

/// <summary>
/// Hands out the slots of a parking site for one date. Reentrant on purpose: while one request waits for its slot's
/// resource-day grain to commit, others are given other slots. Every turn between two awaits reads and changes the
/// slot board atomically (turns never run in parallel), and a slot is leased on the board before its commit is asked
/// for, so two interleaved requests are never sent to the same slot-period.
/// </summary>
[Reentrant]
[GrainType("site-day")]
internal sealed class SiteDayGrain(TimeProvider timeProvider) : Grain, ISiteDayGrain
{
    private string _siteId = string.Empty;
    private DateOnly _date;
    private SiteDefinition? _site;
    private SiteSlotBoard? _board;
    private Task? _loading;
    private Task? _refreshing;
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    // Slots whose bookings changed behind the board's back (a cancellation announced by the slot): re-read before refusing.
    private readonly HashSet<string> _dirtySlots = new(StringComparer.Ordinal);
    private TaskCompletionSource _settled = NewSignal();
    private readonly LiveSubscribers _live = new(timeProvider);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!GrainKeys.TryParseDayKey(this.GetPrimaryKeyString(), out _siteId, out _date))
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a site-day key (siteId/yyyy-MM-dd).");
        }

        return Task.CompletedTask;
    }

    public async Task<BookingOutcome> BookAnyAsync(string userId, string period)
    {
        if (await LoadBoardAsync() is not { } board)
        {
            return BookingOutcome.Failure(BookingErrorCodes.SiteNotFound, $"No parking site '{_siteId}'.");
        }

        if (string.IsNullOrWhiteSpace(userId))
        {
            return BookingOutcome.Failure(BookingErrorCodes.ValidationFailed, "userId is required.");
        }

        var canonical = board.CanonicalPeriod(period ?? string.Empty);
        if (canonical is null)
        {
            return BookingOutcome.Failure(BookingErrorCodes.ValidationFailed, $"Unknown period '{period}' (known periods: {string.Join(", ", _site!.Periods.Keys)}).");
        }

        var refreshed = false;
        while (true)
        {
            var leaseId = Guid.NewGuid().ToString("N");
            var slot = board.TryLease(leaseId, canonical);
            if (slot is null)
            {
                if (board.LeaseCount > 0)
                {
                    // Slots are in flight: one of them may yet be refused and come back, so wait for a lease to settle.
                    await _settled.Task;
                    continue;
                }

                if (_dirtySlots.Count > 0)
                {
                    await RefreshAsync(dirtyOnly: true);
                    continue;
                }

                if (!refreshed && timeProvider.GetUtcNow() - _lastRefresh >= BookingDefaults.SiteRefreshInterval)
                {
                    // A release notice may have been lost: look at every slot once more (at most once a second).
                    refreshed = true;
                    await RefreshAsync(dirtyOnly: false);
                    continue;
                }

                return BookingOutcome.Failure(BookingErrorCodes.SiteFull, $"Every slot of '{_site!.Name}' is taken on {_date:yyyy-MM-dd} ({canonical}).");
            }

            BookingOutcome outcome;
            try
            {
                outcome = await GrainFactory.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(slot.ResourceId, _date)).BookAsync(new BookRequest
                {
                    UserId = userId,
                    ResourceId = slot.ResourceId,
                    Date = _date,
                    Period = canonical,
                });
            }
            catch
            {
                Settle(() => board.Release(leaseId));
                throw;
            }

            if (outcome.IsSuccess)
            {
                Settle(() => board.Commit(leaseId));
                return outcome;
            }

            Settle(() => board.Release(leaseId));
            if (outcome.Error.Code != BookingErrorCodes.SlotUnavailable)
            {
                // The person or the date is the problem (user_conflict, in_the_past, ...): another slot would say the same.
                return outcome;
            }

            // Taken behind our back (a direct booking of that slot): remember it and try the next one.
            board.MarkTaken(slot.ResourceId, canonical);
        }
    }

    public async Task<IReadOnlyList<SiteSlotStatus>> GetSlotStatusAsync(string period)
    {
        if (await LoadBoardAsync() is not { } board)
        {
            return [];
        }

        var canonical = board.CanonicalPeriod(period ?? string.Empty);
        if (canonical is null)
        {
            return [];
        }

        if (timeProvider.GetUtcNow() - _lastRefresh >= BookingDefaults.SiteRefreshInterval)
        {
            await RefreshAsync(dirtyOnly: false);
        }
        else if (_dirtySlots.Count > 0)
        {
            // Only the slots a resource-day told us about changed since the last full read.
            await RefreshAsync(dirtyOnly: true);
        }

        return [.. _site!.Slots.Select(s => new SiteSlotStatus { ResourceId = s.ResourceId, Number = s.Number, Free = board.IsFree(s.ResourceId, canonical) })];
    }

    public Task OnSlotReleasedAsync(string resourceId, string? period)
    {
        // What the release frees depends on the slot's other bookings (a freed morning also frees the day only if the
        // afternoon is free), so the slot is re-read rather than patched.
        return SlotChanged(resourceId);
    }

    public Task OnSlotTakenAsync(string resourceId) => SlotChanged(resourceId);

    public Task<bool> SubscribeAsync(ILiveObserver observer) => Task.FromResult(_live.Subscribe(observer));

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        _live.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Marks the slot to be read again before its status is next given out, then tells the live subscribers, so a page
    /// that reads the status because of this event sees the change.
    /// </summary>
    private Task SlotChanged(string resourceId)
    {
        if (_board is not null)
        {
            _dirtySlots.Add(resourceId);
        }

        _live.Publish(new LiveEvent { Kind = LiveEventKinds.Slots, SiteId = _siteId, ResourceId = resourceId, Date = _date });
        return Task.CompletedTask;
    }

    private async Task<SiteSlotBoard?> LoadBoardAsync()
    {
        if (_board is not null)
        {
            return _board;
        }

        // Interleaved first requests share one load.
        _loading ??= LoadAsync();
        try
        {
            await _loading;
        }
        finally
        {
            _loading = null;
        }

        return _board;
    }

    private async Task LoadAsync()
    {
        var site = await GrainFactory.GetGrain<ISiteGrain>(_siteId).GetAsync();
        if (site is null || _board is not null)
        {
            return;
        }

        _site = site;
        var board = new SiteSlotBoard(site);
        await ReadSlotsAsync(board, site.Slots);
        _lastRefresh = timeProvider.GetUtcNow();
        _board = board;
    }

    /// <summary>Re-reads the occupancy of the dirty slots, or of every slot; interleaved callers share one read.</summary>
    private async Task RefreshAsync(bool dirtyOnly)
    {
        if (_refreshing is not null)
        {
            await _refreshing;
            return;
        }

        List<SiteSlot> slots = dirtyOnly ? [.. _site!.Slots.Where(s => _dirtySlots.Contains(s.ResourceId))] : [.. _site!.Slots];
        _dirtySlots.ExceptWith(slots.Select(s => s.ResourceId));
        _refreshing = ReadSlotsAsync(_board!, slots);
        try
        {
            await _refreshing;
        }
        finally
        {
            _refreshing = null;
        }

        if (!dirtyOnly)
        {
            _lastRefresh = timeProvider.GetUtcNow();
        }
    }

    private async Task ReadSlotsAsync(SiteSlotBoard board, IReadOnlyList<SiteSlot> slots)
    {
        var occupancies = await Task.WhenAll(slots.Select(slot =>
            GrainFactory.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(slot.ResourceId, _date)).GetOccupancyAsync()));
        Settle(() =>
        {
            for (var i = 0; i < slots.Count; i++)
            {
                board.ReplaceTaken(slots[i].ResourceId, SiteSlotBoard.FullRanges(occupancies[i]));
            }
        });
    }

    /// <summary>Applies a change to the board and wakes the requests waiting for a slot to come back.</summary>
    private void Settle(Action change)
    {
        change();
        var settled = _settled;
        _settled = NewSignal();
        settled.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
