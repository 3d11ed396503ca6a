namespace Booking.Runtime;

/// <summary>What an activation offers its grain instance; implemented by the runtime.</summary>
internal interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider ServiceProvider { get; }

    TimeProvider TimeProvider { get; }

    void DeactivateOnIdle();

    void DelayDeactivation(TimeSpan timeSpan);

    IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);

    Task<IGrainReminder> RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminderAsync(IGrainReminder reminder);

    Task<IGrainReminder?> GetReminderAsync(string reminderName);
}
