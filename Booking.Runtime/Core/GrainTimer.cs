namespace Booking.Runtime.Core;

/// <summary>
/// A grain timer: each tick is queued to the activation as a turn (interleaving only when asked) and the next tick
/// is armed only after the callback has completed, so ticks never overlap (Orleans 8 semantics).
/// </summary>
internal sealed class GrainTimer<TState> : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<TState, CancellationToken, Task> _callback;
    private readonly TState _state;
    private readonly GrainTimerCreationOptions _options;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, TimeProvider timeProvider, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _state = state;
        _options = options;
        _period = options.Period;
        _timer = timeProvider.CreateTimer(static t => ((GrainTimer<TState>)t!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (!_disposed.IsCancellationRequested)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _timer.Dispose();
            _activation.OnTimerDisposed(this);
        }
    }

    private void OnTimer()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _activation.EnqueueTimerTick(new TickRequest(this));
        }
    }

    private async Task TickAsync()
    {
        try
        {
            if (!_disposed.IsCancellationRequested)
            {
                await _callback(_state, _disposed.Token);
            }
        }
        catch (Exception exception)
        {
            _activation.OnTimerCallbackFailed(exception);
        }
        finally
        {
            if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private sealed class TickRequest(GrainTimer<TState> timer)
        : GrainRequest(isReadOnly: false, alwaysInterleave: timer._options.Interleave, DateTimeOffset.MaxValue)
    {
        public override bool KeepsAlive => timer._options.KeepAlive;

        public override Task RunAsync(object grain) => timer.TickAsync();

        public override void Fail(Exception exception)
        {
        }

        public override void Redirect(IGrainCallInvoker invoker, GrainId grainId)
        {
            // A tick belongs to its activation; when that activation goes away, so does the tick.
        }
    }
}
