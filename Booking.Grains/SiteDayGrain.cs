using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Runtime;

namespace Booking.Grains;

/// <summary>
/// Hands out the slots of a parking site for one date. Reentrant on purpose: while one request waits for its slot's
/// resource-day grain to commit, others are given other slots. Every turn between two awaits reads and changes the
/// slot board atomically (turns never run in parallel), and a slot is leased on the board before its commit is asked
/// for, so two interleaved requests are never sent to the same slot-period.
/// </summary>
[Reentrant]
public sealed class SiteDayGrain(TimeProvider timeProvider) : Grain, ISiteDayGrain
{
    private string _siteId = string.Empty;
    private DateOnly _date;
    private SiteDefinition? _site;
    private SiteSlotBoard? _board;
    private Task? _loading;
    private Task? _refreshing;
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;
    private bool _refreshNeeded;
    private TaskCompletionSource _settled = NewSignal();

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

                if (!refreshed && (_refreshNeeded || timeProvider.GetUtcNow() - _lastRefresh >= BookingDefaults.SiteRefreshInterval))
                {
                    // Bookings may have been freed behind our back (cancelled directly on a slot): look once more.
                    refreshed = true;
                    await RefreshAsync();
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

        if (_refreshNeeded || timeProvider.GetUtcNow() - _lastRefresh >= BookingDefaults.SiteRefreshInterval)
        {
            await RefreshAsync();
        }

        return [.. _site!.Slots.Select(s => new SiteSlotStatus { ResourceId = s.ResourceId, Number = s.Number, Free = board.IsFree(s.ResourceId, canonical) })];
    }

    public Task OnSlotReleasedAsync(string resourceId, string? period)
    {
        if (_board is null)
        {
            return Task.CompletedTask;
        }

        if (period is not null && _board.CanonicalPeriod(period) is { } canonical)
        {
            Settle(() => _board.Free(resourceId, canonical));
        }
        else
        {
            _refreshNeeded = true;
        }

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
        await RefreshAsync(board);
        _board = board;
    }

    private async Task RefreshAsync(SiteSlotBoard? board = null)
    {
        if (_refreshing is not null)
        {
            await _refreshing;
            return;
        }

        _refreshing = RefreshCoreAsync(board ?? _board!);
        try
        {
            await _refreshing;
        }
        finally
        {
            _refreshing = null;
        }
    }

    private async Task RefreshCoreAsync(SiteSlotBoard board)
    {
        var site = _site!;
        _refreshNeeded = false;
        var occupancies = await Task.WhenAll(site.Slots.Select(slot =>
            GrainFactory.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(slot.ResourceId, _date)).GetOccupancyAsync()));
        for (var i = 0; i < site.Slots.Count; i++)
        {
            board.ReplaceTaken(site.Slots[i].ResourceId, SiteSlotBoard.TakenPeriods(site, occupancies[i]));
        }

        _lastRefresh = timeProvider.GetUtcNow();
        Settle(() => { });
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
