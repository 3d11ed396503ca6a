using Booking.Runtime.Diagnostics;
using Booking.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.Runtime.Core;

/// <summary>
/// One activation of a grain: its instance, its scheduler and the admission rules that make it turn-based.
/// A non-reentrant activation starts the next request only when the current one has completed, awaits included.
/// </summary>
internal sealed class ActivationData : IGrainContext
{
    private readonly Lock _lock = new();
    private readonly Queue<GrainRequest> _waiting = new();
    private readonly HashSet<GrainRequest> _inFlight = [];
    private readonly List<IDisposable> _timers = [];
    private readonly List<IPersistentStateLoader> _states = [];
    private readonly Silo _silo;
    private readonly GrainClassInfo _grainClass;
    private readonly ActivationTaskScheduler _scheduler = new();
    private ActivationState _state = ActivationState.Created;
    private int _running;
    private int _runningWriters;
    private DeactivationReason? _deactivationReason;
    private object? _instance;
    private DateTimeOffset _lastActivity;
    private DateTimeOffset _keepAliveUntil;

    public ActivationData(Silo silo, GrainId grainId, GrainClassInfo grainClass)
    {
        _silo = silo;
        _grainClass = grainClass;
        GrainId = grainId;
        _lastActivity = silo.TimeProvider.GetUtcNow();
    }

    public GrainId GrainId { get; }

    public IGrainFactory GrainFactory => _silo.GrainFactory;

    public IServiceProvider ServiceProvider => _silo.Services;

    public TimeProvider TimeProvider => _silo.TimeProvider;

    internal ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Admits a request. False when this activation is gone and the caller must find or create another.</summary>
    public bool TryEnqueue(GrainRequest request)
    {
        var activate = false;
        lock (_lock)
        {
            switch (_state)
            {
                case ActivationState.Invalid:
                    return false;
                case ActivationState.Created:
                    _state = ActivationState.Activating;
                    _waiting.Enqueue(request);
                    activate = true;
                    break;
                case ActivationState.Valid when _deactivationReason is null && CanStart(request):
                    StartLocked(request);
                    break;
                default:
                    _waiting.Enqueue(request);
                    break;
            }
        }

        if (activate)
        {
            _scheduler.Run(static s => ((ActivationData)s!).ActivateAsync(), this);
        }

        return true;
    }

    /// <summary>Asks the activation to go away once no request is running (queued requests move to the next activation).</summary>
    public void Deactivate(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            _deactivationReason ??= reason;
            if (_state == ActivationState.Valid && _running == 0)
            {
                BeginDeactivationLocked();
            }
        }
    }

    /// <summary>Ends the activation at once, as when its silo dies: nothing more runs, callers get <paramref name="error"/>.</summary>
    public void Kill(Exception error)
    {
        List<GrainRequest> failed;
        lock (_lock)
        {
            if (_state is ActivationState.Valid or ActivationState.Deactivating)
            {
                RuntimeMetrics.ActivationEnded(GrainId.Type);
            }

            _state = ActivationState.Invalid;
            failed = [.. _waiting, .. _inFlight];
            _waiting.Clear();
            _inFlight.Clear();
            DisposeTimersLocked();
        }

        foreach (var request in failed)
        {
            request.Fail(error);
        }
    }

    /// <summary>Idle for collection: nothing running or waiting, no recent activity, no keep-alive.</summary>
    public bool IsIdle(DateTimeOffset now, TimeSpan collectionAge)
    {
        lock (_lock)
        {
            return _state == ActivationState.Valid && _running == 0 && _waiting.Count == 0
                && now - _lastActivity >= collectionAge && now >= _keepAliveUntil;
        }
    }

    internal void AddState(IPersistentStateLoader state) => _states.Add(state);

    internal void OnInconsistentState() =>
        Deactivate(new DeactivationReason(DeactivationReasonCode.InconsistentState, "a write found a newer version in storage"));

    internal void EnqueueTimerTick(GrainRequest tick)
    {
        if (!TryEnqueue(tick))
        {
            tick.Fail(new InvalidOperationException("The activation is gone."));
        }
    }

    internal void OnTimerDisposed(IDisposable timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    internal void OnTimerCallbackFailed(Exception exception) =>
        _silo.Logger.LogWarning(exception, "Timer callback of {GrainId} failed", GrainId);

    void IGrainContext.DeactivateOnIdle() =>
        Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called"));

    void IGrainContext.DelayDeactivation(TimeSpan timeSpan)
    {
        lock (_lock)
        {
            _keepAliveUntil = timeSpan == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : TimeProvider.GetUtcNow() + timeSpan;
        }
    }

    IGrainTimer IGrainContext.RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer<TState>(this, TimeProvider, callback, state, options);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                timer.Dispose();
            }
            else
            {
                _timers.Add(timer);
            }
        }

        return timer;
    }

    Task<IGrainReminder> IGrainContext.RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        EnsureRemindable();
        return _silo.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    Task IGrainContext.UnregisterReminderAsync(IGrainReminder reminder) => _silo.Reminders.UnregisterAsync(GrainId, reminder);

    Task<IGrainReminder?> IGrainContext.GetReminderAsync(string reminderName) => _silo.Reminders.GetAsync(GrainId, reminderName);

    private void EnsureRemindable()
    {
        if (!typeof(IRemindable).IsAssignableFrom(_grainClass.ImplementationType))
        {
            throw new InvalidOperationException($"{_grainClass.ImplementationType.Name} must implement IRemindable to register reminders.");
        }
    }

    private bool CanStart(GrainRequest request) =>
        _running == 0
        || request.AlwaysInterleave
        || _grainClass.IsReentrant
        || (request.IsReadOnly && _runningWriters == 0);

    private void StartLocked(GrainRequest request)
    {
        _running++;
        _inFlight.Add(request);
        if (!request.IsReadOnly)
        {
            _runningWriters++;
        }

        if (request.KeepsAlive)
        {
            _lastActivity = TimeProvider.GetUtcNow();
        }

        _scheduler.Run(static s => ((RequestTurn)s!).RunAsync(), new RequestTurn(this, request));
    }

    private async Task RunRequestAsync(GrainRequest request)
    {
        try
        {
            if (request.Deadline < TimeProvider.GetUtcNow())
            {
                // The caller has already timed out; running it now would only do unobserved work.
                request.Fail(new TimeoutException($"The request expired before {GrainId} could take it."));
            }
            else
            {
                await request.RunAsync(_instance!);
            }
        }
        finally
        {
            OnRequestCompleted(request);
        }
    }

    private void OnRequestCompleted(GrainRequest request)
    {
        lock (_lock)
        {
            _running--;
            _inFlight.Remove(request);
            if (!request.IsReadOnly)
            {
                _runningWriters--;
            }

            if (_state != ActivationState.Valid)
            {
                return;
            }

            if (_deactivationReason is not null)
            {
                if (_running == 0)
                {
                    BeginDeactivationLocked();
                }

                return;
            }

            PumpLocked();
        }
    }

    private void PumpLocked()
    {
        while (_waiting.Count > 0 && CanStart(_waiting.Peek()))
        {
            StartLocked(_waiting.Dequeue());
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            _instance = _grainClass.CreateInstance(this, _silo.Services);
            foreach (var state in _states)
            {
                await state.ReadStateAsync();
            }

            if (_instance is Grain grain)
            {
                using var cancellation = new CancellationTokenSource(_silo.Options.ActivationTimeout, TimeProvider);
                await grain.OnActivateAsync(cancellation.Token);
            }
        }
        catch (Exception exception)
        {
            _silo.Logger.LogWarning(exception, "Activation of {GrainId} failed", GrainId);
            List<GrainRequest> failed;
            lock (_lock)
            {
                _state = ActivationState.Invalid;
                failed = [.. _waiting];
                _waiting.Clear();
                DisposeTimersLocked();
            }

            _silo.Catalog.Remove(this);
            foreach (var request in failed)
            {
                request.Fail(exception);
            }

            return;
        }

        RuntimeMetrics.ActivationStarted(GrainId.Type);
        lock (_lock)
        {
            _state = ActivationState.Valid;
            if (_deactivationReason is not null)
            {
                BeginDeactivationLocked();
            }
            else
            {
                PumpLocked();
            }
        }
    }

    private void BeginDeactivationLocked()
    {
        _state = ActivationState.Deactivating;
        DisposeTimersLocked();
        _scheduler.Run(static s => ((ActivationData)s!).DeactivateAsync(), this);
    }

    private async Task DeactivateAsync()
    {
        var reason = _deactivationReason ?? new DeactivationReason(DeactivationReasonCode.None, string.Empty);
        try
        {
            if (_instance is Grain grain && reason.ReasonCode != DeactivationReasonCode.ActivationFailed)
            {
                using var cancellation = new CancellationTokenSource(_silo.Options.DeactivationTimeout, TimeProvider);
                await grain.OnDeactivateAsync(reason, cancellation.Token).WaitAsync(_silo.Options.DeactivationTimeout, TimeProvider);
            }
        }
        catch (Exception exception)
        {
            _silo.Logger.LogWarning(exception, "OnDeactivateAsync of {GrainId} failed", GrainId);
        }
        finally
        {
            List<GrainRequest> pending;
            lock (_lock)
            {
                _state = ActivationState.Invalid;
                pending = [.. _waiting];
                _waiting.Clear();
            }

            _silo.Catalog.Remove(this);
            RuntimeMetrics.ActivationEnded(GrainId.Type);

            // Requests that arrived meanwhile go to the next activation (here or on the grain's new silo).
            foreach (var request in pending)
            {
                request.Redirect(_silo.CallInvoker, GrainId);
            }
        }
    }

    private void DisposeTimersLocked()
    {
        var timers = _timers.ToArray();
        _timers.Clear();
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private sealed class RequestTurn(ActivationData activation, GrainRequest request)
    {
        public Task RunAsync() => activation.RunRequestAsync(request);
    }
}
