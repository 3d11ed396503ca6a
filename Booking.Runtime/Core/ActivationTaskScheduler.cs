using System.Collections.Concurrent;

namespace Booking.Runtime.Core;

/// <summary>
/// Runs one activation's work items one at a time, in order, on the thread pool (Orleans' activation scheduler).
/// Grain code awaits without <c>ConfigureAwait(false)</c>, so every continuation comes back here: two turns of one
/// activation never run in parallel, whatever the grain's reentrancy.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    // Bounded so that one busy activation cannot monopolise a pool thread.
    private const int MaxItemsPerDrain = 128;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_running;

    private readonly ConcurrentQueue<Task> _queue = new();
    private int _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Starts <paramref name="work"/> as a new turn on this scheduler.</summary>
    public void Run(Func<object?, Task> work, object? state) =>
        _ = Task.Factory.StartNew(work, state, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    protected override void QueueTask(Task task)
    {
        _queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ReferenceEquals(t_running, this) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_running;
        t_running = this;
        try
        {
            for (var i = 0; i < MaxItemsPerDrain && _queue.TryDequeue(out var task); i++)
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            t_running = previous;
        }

        // A full fence (not a volatile write): the emptiness check below must not move before the reset,
        // or a producer that saw _scheduled == 1 and a worker that saw an empty queue would both walk away.
        Interlocked.Exchange(ref _scheduled, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
