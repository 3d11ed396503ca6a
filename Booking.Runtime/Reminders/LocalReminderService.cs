using Booking.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.Runtime.Reminders;

/// <summary>
/// Fires the persistent reminders of the grains this silo owns. Reminders live in the <see cref="IReminderTable"/>;
/// at start and on every membership change the silo reloads the table and arms a timer for each reminder it owns,
/// so a reminder survives deactivation, silo restarts and silo loss. A tick that fell due while no silo owned the
/// reminder fires once as soon as an owner loads it (at-least-once, like Orleans).
/// </summary>
internal sealed class LocalReminderService(Silo silo, IReminderTable? table) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ArmedReminder> _armed = [];
    private bool _stopped;

    private TimeProvider TimeProvider => silo.TimeProvider;

    private ILogger Logger => silo.Logger;

    private IReminderTable Table => table
        ?? throw new InvalidOperationException("No reminder table is registered: add one (AddPostgresReminderTable, AddSqliteReminderTable or AddMemoryReminderTable).");

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (table is null)
        {
            return;
        }

        var rows = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var owned = rows.Where(r => ReferenceEquals(silo.Membership.Locate(r.GrainId), silo)).ToDictionary(r => (r.GrainId, r.ReminderName));
            foreach (var key in _armed.Keys.Where(k => !owned.ContainsKey(k)).ToList())
            {
                _armed[key].Dispose();
                _armed.Remove(key);
            }

            silo.Logger.LogDebug("Silo {Silo} reloaded reminders: {Rows} rows, {Owned} owned", silo.Name, rows.Count, owned.Count);
            foreach (var (key, row) in owned)
            {
                if (!_armed.TryGetValue(key, out var armed) || armed.Entry.ETag != row.ETag)
                {
                    armed?.Dispose();
                    _armed[key] = new ArmedReminder(this, row);
                }
            }
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (period <= TimeSpan.Zero || dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), "A reminder needs a positive period and a non-negative due time.");
        }

        var entry = new ReminderEntry(grainId, reminderName, silo.TimeProvider.GetUtcNow() + dueTime, period);
        var eTag = await Table.UpsertRowAsync(entry).ConfigureAwait(false);
        Arm(entry with { ETag = eTag });
        return new GrainReminder(reminderName, eTag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        var row = await Table.ReadRowAsync(grainId, reminder.ReminderName).ConfigureAwait(false);
        if (row?.ETag is not null)
        {
            await Table.RemoveRowAsync(grainId, reminder.ReminderName, row.ETag).ConfigureAwait(false);
        }

        lock (_lock)
        {
            if (_armed.Remove((grainId, reminder.ReminderName), out var armed))
            {
                armed.Dispose();
            }
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName)
    {
        var row = await Table.ReadRowAsync(grainId, reminderName).ConfigureAwait(false);
        return row is null ? null : new GrainReminder(row.ReminderName, row.ETag ?? string.Empty);
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _stopped = true;
            foreach (var armed in _armed.Values)
            {
                armed.Dispose();
            }

            _armed.Clear();
        }

        return ValueTask.CompletedTask;
    }

    private void Arm(ReminderEntry entry)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var key = (entry.GrainId, entry.ReminderName);
            if (_armed.Remove(key, out var previous))
            {
                previous.Dispose();
            }

            _armed[key] = new ArmedReminder(this, entry);
        }
    }

    private async Task FireAsync(ReminderEntry entry, DateTimeOffset tickTime)
    {
        try
        {
            var status = new TickStatus(entry.StartAt, entry.Period, tickTime);
            await silo.GrainFactory.GetGrain<IRemindable>(entry.GrainId).ReceiveReminder(entry.ReminderName, status).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            silo.Logger.LogWarning(exception, "Reminder {Reminder} of {GrainId} failed", entry.ReminderName, entry.GrainId);
        }
    }

    private sealed class ArmedReminder : IDisposable
    {
        private readonly LocalReminderService _service;
        private readonly ITimer _timer;
        private DateTimeOffset _nextTick;
        private bool _disposed;

        public ArmedReminder(LocalReminderService service, ReminderEntry entry)
        {
            _service = service;
            Entry = entry;
            var now = service.TimeProvider.GetUtcNow();
            _nextTick = entry.StartAt;
            _timer = service.TimeProvider.CreateTimer(static s => ((ArmedReminder)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(Max(entry.StartAt - now, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
        }

        public ReminderEntry Entry { get; }

        public void Dispose()
        {
            _disposed = true;
            _timer.Dispose();
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private void OnTick()
        {
            if (_disposed)
            {
                return;
            }

            var tick = _nextTick;
            _service.Logger.LogDebug("Reminder {Name} of {GrainId} fires", Entry.ReminderName, Entry.GrainId);
            _ = _service.FireAsync(Entry, tick).ContinueWith(
                static (_, s) => ((ArmedReminder)s!).ArmNext(),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        private void ArmNext()
        {
            if (_disposed)
            {
                return;
            }

            var now = _service.TimeProvider.GetUtcNow();
            var period = Entry.Period;
            var next = _nextTick + period;
            if (next <= now)
            {
                // Skip the ticks missed while the callback ran; fire at the next point of the schedule.
                var missed = (long)Math.Ceiling((now - _nextTick) / period);
                next = _nextTick + (period * missed);
            }

            _nextTick = next;
            try
            {
                _timer.Change(Max(next - now, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed while the callback ran.
            }
        }
    }
}
