namespace Booking.Silo.Messages;

/// <summary>The <c>Booking:Messages</c> section: how the outbox dispatcher works.</summary>
public sealed class MessageDispatchOptions
{
    public const string SectionName = "Booking:Messages";

    /// <summary>Whether this silo dispatches and sends (every silo does by default; leases keep them apart).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the outbox is looked at (real time).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many events and this many mails per look: a day of 500 reminders due at once goes out in batches.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed row stays this host's; a host that dies holds its rows this long.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts before a mail is dead-lettered (a permanent refusal, such as 550 unknown mailbox, dead-letters at once). With
    /// the default backoff, 20 attempts ride out about 14 hours of a mail server being unreachable.
    /// </summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure (with up to 20 % jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before a booking's start its reminders go out (comma-separated; empty for none).</summary>
    public string Reminders { get; set; } = "1.00:00:00";

    /// <summary>The parsed <see cref="Reminders"/>.</summary>
    public IReadOnlyList<TimeSpan> ReminderOffsets =>
        [.. Reminders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => TimeSpan.Parse(r, System.Globalization.CultureInfo.InvariantCulture))
            .Where(r => r > TimeSpan.Zero)
            .Distinct()
            .OrderDescending()];

    /// <summary>The wait after <paramref name="failedAttempts"/> failures (1 = the first), before jitter.</summary>
    public TimeSpan Backoff(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks));
        return delay;
    }
}
