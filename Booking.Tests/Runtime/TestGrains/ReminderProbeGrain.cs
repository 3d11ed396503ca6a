using System.Collections.Concurrent;
using Booking.Runtime;

namespace Booking.Tests.Runtime.TestGrains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain
{
    /// <summary>Completed when the grain with that key receives its reminder.</summary>
    public static readonly ConcurrentDictionary<string, TaskCompletionSource<TickStatus>> Fired = new();

    public static Task<TickStatus> WhenFired(string key) =>
        Fired.GetOrAdd(key, _ => new TaskCompletionSource<TickStatus>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task RegisterAsync(TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder("probe", dueTime, period);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Fired.GetOrAdd(this.GetPrimaryKeyString(), _ => new TaskCompletionSource<TickStatus>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(status);
        var reminder = await GetReminder(reminderName);
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }
}
