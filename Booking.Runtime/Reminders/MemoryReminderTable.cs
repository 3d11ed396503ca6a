using Booking.Runtime.Storage;

namespace Booking.Runtime.Reminders;

/// <summary>Reminders in process memory (for runtime unit tests); same ETag semantics as the database tables.</summary>
internal sealed class MemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(string Type, string Key, string Name), ReminderEntry> _entries = [];
    private readonly Lock _lock = new();

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values]);
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values.Where(e => e.GrainId == grainId)]);
        }
    }

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_entries.GetValueOrDefault((grainId.Type, grainId.Key, reminderName)));
        }
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = (entry.GrainId.Type, entry.GrainId.Key, entry.ReminderName);
        lock (_lock)
        {
            var version = _entries.TryGetValue(key, out var existing) && ReminderVersion.TryParse(existing.ETag, out var current)
                ? current + 1
                : 1;
            var eTag = StorageVersion.Format(version);
            _entries[key] = entry with { ETag = eTag };
            return Task.FromResult(eTag);
        }
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        var key = (grainId.Type, grainId.Key, reminderName);
        lock (_lock)
        {
            return Task.FromResult(
                _entries.TryGetValue(key, out var existing) && existing.ETag == eTag && _entries.Remove(key));
        }
    }
}
