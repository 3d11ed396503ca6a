using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Booking.Tests.Infrastructure;

/// <summary>
/// A logging provider that keeps every entry a host writes, with its scopes as they were at the time of the call, so a
/// test can look for errors, secrets or missing correlation fields in what an operator would read.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Clear() => _entries.Clear();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new List<KeyValuePair<string, string?>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                properties.AddRange(values.Select(v => new KeyValuePair<string, string?>(v.Key, Text(v.Value))));
            }

            var scopes = new List<KeyValuePair<string, string?>>();
            var scopeTexts = new List<string>();
            owner._scopes.ForEachScope(
                (scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        scopes.AddRange(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, Text(p.Value))));
                    }

                    scopeTexts.Add(Convert.ToString(scope, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                },
                (object?)null);

            static string? Text(object? value) => value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);

            owner._entries.Enqueue(new CapturedLogEntry(logLevel, category, eventId, formatter(state, exception), exception, properties, scopes, scopeTexts));
        }
    }
}
