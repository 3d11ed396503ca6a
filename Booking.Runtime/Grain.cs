using Booking.Runtime.Core;

namespace Booking.Runtime;

/// <summary>
/// Base class of grain implementations (Orleans' <c>Grain</c>). Instances are created by the runtime only,
/// on the activation's scheduler; all of a grain's code runs one turn at a time.
/// </summary>
public abstract class Grain : IGrain
{
    private readonly IGrainContext _context;

    protected Grain()
    {
        _context = GrainContextScope.Current
            ?? throw new InvalidOperationException("Grains are created by the runtime: obtain a reference with IGrainFactory.GetGrain instead.");
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _context.GrainId;

    /// <summary>A string that names this activation in logs.</summary>
    public string IdentityString => _context.GrainId.ToString();

    /// <summary>The factory of the silo this activation lives on.</summary>
    protected IGrainFactory GrainFactory => _context.GrainFactory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => _context.ServiceProvider;

    internal IGrainContext Context => _context;

    /// <summary>Runs after persistent state has been loaded and before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation goes away (idle, requested, or silo shutdown; not when a silo is killed).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request has completed.</summary>
    protected void DeactivateOnIdle() => _context.DeactivateOnIdle();

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => _context.DelayDeactivation(timeSpan);

    /// <summary>Registers a timer whose ticks run on this activation's scheduler; it is disposed with the activation.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        _context.RegisterGrainTimer(callback, state, options);

    /// <summary>Registers a timer whose ticks run on this activation's scheduler.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        _context.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers (or replaces) a persistent reminder; it survives deactivation and silo restarts. The grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        _context.RegisterOrUpdateReminderAsync(reminderName, dueTime, period);

    /// <summary>Removes a persistent reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => _context.UnregisterReminderAsync(reminder);

    /// <summary>The named reminder, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => _context.GetReminderAsync(reminderName);
}
