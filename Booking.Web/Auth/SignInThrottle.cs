using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Booking.Web.Auth;

/// <summary>
/// Counts failed sign-ins per email address (known or not, so the answer never tells which addresses have accounts) and
/// throttles an address that failed <see cref="SignInThrottleOptions.MaxFailures"/> times within the window, whichever
/// clients the attempts came from; the per-client limit on the credential routes (<c>Http/RateLimiting</c>) covers the
/// other direction. A successful sign-in clears the address's count. Kept in memory per instance: a restart forgets it.
/// </summary>
internal sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    // Stale entries are swept every so many failures, so guessing at many addresses cannot grow the table without bound.
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private int _recorded;

    /// <summary>How long the address must wait before its next attempt, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string email) =>
        _failures.TryGetValue(Key(email), out var failures) ? failures.RetryAfter(time.GetUtcNow(), options.Value) : null;

    public void RecordFailure(string email)
    {
        _failures.GetOrAdd(Key(email), _ => new Failures()).Add(time.GetUtcNow(), options.Value);
        if (Interlocked.Increment(ref _recorded) % SweepEvery == 0)
        {
            var now = time.GetUtcNow();
            foreach (var (key, failures) in _failures)
            {
                if (failures.IsStale(now, options.Value))
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    public void RecordSuccess(string email) => _failures.TryRemove(Key(email), out _);

    private static string Key(string email) => Grains.Interfaces.Accounts.AccountEmail.Normalize(email);

    private sealed class Failures
    {
        private readonly Lock _lock = new();
        private readonly Queue<DateTimeOffset> _times = new();

        public void Add(DateTimeOffset now, SignInThrottleOptions options)
        {
            lock (_lock)
            {
                Expire(now, options);
                _times.Enqueue(now);
                while (_times.Count > options.MaxFailures)
                {
                    _times.Dequeue();
                }
            }
        }

        public TimeSpan? RetryAfter(DateTimeOffset now, SignInThrottleOptions options)
        {
            lock (_lock)
            {
                Expire(now, options);
                return _times.Count >= options.MaxFailures ? _times.Peek() + options.FailureWindow - now : null;
            }
        }

        public bool IsStale(DateTimeOffset now, SignInThrottleOptions options)
        {
            lock (_lock)
            {
                Expire(now, options);
                return _times.Count == 0;
            }
        }

        private void Expire(DateTimeOffset now, SignInThrottleOptions options)
        {
            while (_times.Count > 0 && _times.Peek() + options.FailureWindow <= now)
            {
                _times.Dequeue();
            }
        }
    }
}
