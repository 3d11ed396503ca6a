namespace Booking.Silo.Hosting;

/// <summary>
/// Keeps an API client trying to reach the cluster for as long as the host runs: no silo may be up yet (the API host started
/// first, or every silo is being replaced), or PostgreSQL may not hold the membership table yet (no silo ever ran). Orleans'
/// default gives up after 15 tries and the host would exit; here the host stays up and not ready until a silo joins.
/// </summary>
internal sealed partial class ClusterConnectionRetryFilter(ILogger<ClusterConnectionRetryFilter> logger, TimeProvider time) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        // Short waits: a silo that joins is found within a couple of seconds. One log line per 30 failures is enough to show
        // why the host is not ready.
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt == 1 || attempt % 30 == 0)
        {
            LogWaiting(logger, attempt, exception.GetType().Name, exception.Message);
        }

        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, 250 * attempt));
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of the cluster reached yet (attempt {Attempt}: {ExceptionType}: {Reason}); retrying until one joins")]
    private static partial void LogWaiting(ILogger logger, int attempt, string exceptionType, string reason);
}
